package school.training.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Renders fragments/notifications :: badge, the header link with the unread count, on its own. */
class NotificationsBadgeTests {

    private SpringTemplateEngine engine;

    @BeforeEach
    void engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/notifications");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
    }

    @Test
    void showsTheUnreadCount() {
        String html = render(3L, Locale.SIMPLIFIED_CHINESE);

        assertThat(html).contains("id=\"notifications-link\"", "href=\"/notifications\"", "通知",
                "<span class=\"count badge waiting\">3</span>", "title=\"3 条未读通知\"");
    }

    @Test
    void showsNoCountWhenEverythingIsRead() {
        String html = render(0L, Locale.SIMPLIFIED_CHINESE);

        assertThat(html).contains("id=\"notifications-link\"", "通知").doesNotContain("class=\"count");
    }

    @Test
    void speaksEnglish() {
        assertThat(render(2L, Locale.ENGLISH)).contains("Notifications", ">2</span>");
    }

    @Test
    void isNotShownWithoutACount() {
        assertThat(render(null, Locale.SIMPLIFIED_CHINESE)).doesNotContain("notifications-link");
    }

    private String render(Long unread, Locale locale) {
        MockServletContext servletContext = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(new MockHttpServletRequest(servletContext), new MockHttpServletResponse());
        WebContext context = new WebContext(exchange, locale);
        context.setVariable("unreadNotifications", unread);
        return engine.process("fragments/notifications", Set.of("badge"), context);
    }
}
