package school.training;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
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
        restoreWebappDelegates();
    }

    /**
     * The webapps' runtime delegates are statics too, set when a web context starts and set to null when any web
     * context stops: a test that starts and stops an app of its own (backups restore into a second app) would leave
     * every cached context's Cockpit, Admin and Tasklist without them (a NullPointerException at the next login).
     */
    private static void restoreWebappDelegates() {
        if (Cockpit.getRuntimeDelegate() == null) {
            Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
        }
        if (Admin.getRuntimeDelegate() == null) {
            Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
        }
        if (Tasklist.getRuntimeDelegate() == null) {
            Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
        }
        if (Welcome.getRuntimeDelegate() == null) {
            Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
        }
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
