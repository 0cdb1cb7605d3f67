package school.training.security;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.access.expression.SecurityExpressionHandler;
import org.springframework.stereotype.Component;

/**
 * Finds, before Tomcat opens, the beans every page's {@code sec:authorize} asks Spring for by type.
 *
 * <p>Thymeleaf's Spring Security dialect looks up the {@link SecurityExpressionHandler}s by type on each use. The first
 * lookup has to learn the type of every bean not yet made, the lazily made repositories among them, and waits for
 * Spring's lock on making beans; right after start that lock is the start-up runners', which make their repositories
 * then. The first page, the login page, waited for them (1.4 s in a profile of a start). Asked once here, the answer
 * is kept by Spring (its configuration is frozen by then), and the first page no longer waits for the runners.
 */
@Component
class PageAuthorizationWarmUp implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;

    PageAuthorizationWarmUp(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        beans.getBeanNamesForType(SecurityExpressionHandler.class);
    }
}
