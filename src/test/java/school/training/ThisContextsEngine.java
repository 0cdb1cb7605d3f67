package school.training;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Camunda's REST API and webapps find "the default engine" in a static registry, which the last Spring test
 * context to start has claimed. Test classes run in several cached contexts (demo, first run, going live),
 * so before each test class this puts the engine of the class's own context back in the registry; without
 * it a REST call could reach another context's engine and database. Registered in META-INF/spring.factories.
 */
public class ThisContextsEngine extends AbstractTestExecutionListener {

    @Override
    public void beforeTestClass(TestContext testContext) {
        register(testContext);
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        register(testContext);
    }

    private static void register(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
