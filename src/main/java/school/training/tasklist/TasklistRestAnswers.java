package school.training.tasklist;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda's Tasklist submits forms to its own copy of the REST API (/camunda/api/engine), a JAX-RS
 * application of its own that our /engine-rest configuration does not reach; there a lost race and a
 * refused rule both answered 500. This registers that same application under Camunda's servlet name
 * before Camunda's starter does (it then keeps ours), with {@link RestAnswers}' mappers added: 409 for
 * a lost race, 400 for a rule, as on /engine-rest.
 */
@Configuration(proxyBeanMethods = false)
class TasklistRestAnswers {

    /** The name Camunda's {@code CamundaBpmWebappInitializer} registers its engine API servlet under. */
    static final String CAMUNDA_SERVLET_NAME = "Engine Api";

    @Bean
    ServletRegistrationBean<ServletContainer> tasklistEngineApi(CamundaBpmProperties properties, RestAnswers answers) {
        ResourceConfig application = ResourceConfig.forApplication(new EngineRestApplication());
        answers.customize(application);
        var registration = new ServletRegistrationBean<>(new ServletContainer(application),
                properties.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setName(CAMUNDA_SERVLET_NAME);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
