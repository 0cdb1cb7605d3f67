package school.training.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/** Renders fragments/form :: fields with a standalone engine and checks the HTML. */
class FormFragmentTests {

    private SpringTemplateEngine engine;
    private FormSchema request;

    @BeforeEach
    void engine() throws IOException {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/forms");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        request = FormSchemaTests.load("request");
    }

    private String render(FormSchema form, Map<String, ?> values, Map<String, FormError> errors, boolean readonly,
            Locale locale) {
        MockServletContext servletContext = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(new MockHttpServletRequest(servletContext), new MockHttpServletResponse());
        WebContext context = new WebContext(exchange, locale);
        context.setVariable("form", form);
        context.setVariable("values", values);
        context.setVariable("errors", errors);
        context.setVariable("readonly", readonly);
        return engine.process("fragments/form", Set.of("fields"), context);
    }

    private String render(Map<String, ?> values, Map<String, FormError> errors) {
        return render(request, values, errors, false, Locale.SIMPLIFIED_CHINESE);
    }

    /** The opening tag of the element with this id. */
    private static String tag(String html, String id) {
        Matcher m = Pattern.compile("<[a-z]+[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("element #%s in%n%s", id, html).isTrue();
        return m.group();
    }

    /** The markup of the field wrapper for this key. */
    private static String field(String html, String key) {
        int start = html.indexOf("data-key=\"" + key + "\"");
        assertThat(start).as("field %s", key).isPositive();
        int open = html.lastIndexOf('<', start);
        int end = html.indexOf("data-key=", start + 1);
        return html.substring(open, end < 0 ? html.length() : html.lastIndexOf('<', end));
    }

    @Test
    void rendersLabelsInputsAndRulesAsHtmlAttributes() {
        String html = render(Map.of(), Map.of());

        assertThat(html).contains("data-form-id=\"externalStudy-request\"");
        assertThat(html).containsPattern("<label for=\"f-title\">\\s*<span>外出学习名称</span>");
        assertThat(tag(html, "f-title")).contains("name=\"title\"", "required=\"required\"", "minlength=\"4\"",
                "maxlength=\"100\"");
        assertThat(tag(html, "f-startDate")).contains("type=\"date\"", "required");
        assertThat(tag(html, "f-budgetTransport")).contains("type=\"number\"", "min=\"0\"", "max=\"100000\"",
                "step=\"0.01\"", "value=\"0\"");
        assertThat(tag(html, "f-invitation")).contains("type=\"file\"", "accept=\".pdf,.jpg,.jpeg,.png,.doc,.docx\"",
                "required");
        assertThat(tag(html, "f-outOfProvince")).contains("type=\"checkbox\"", "value=\"true\"")
                .doesNotContain("checked");
        assertThat(html).containsPattern("<fieldset class=\"group\" id=\"g-Group_budget\">\\s*<legend>经费预算（元）</legend>");
        assertThat(tag(html, "f-budgetTotal")).startsWith("<output").contains("data-expression-key=\"budgetTotal\"");
        assertThat(tag(html, "help-title")).isNotNull();
        assertThat(tag(html, "f-title")).contains("aria-describedby=\"help-title\"").doesNotContain("aria-invalid");
    }

    @Test
    void englishLabelsAndOptionsComeFromTheBundle() {
        String html = render(request, Map.of(), Map.of(), false, Locale.ENGLISH);

        assertThat(html).contains("<span>Title of the event</span>", ">National</option>", ">Choose</option>",
                "<legend>Budget (CNY)</legend>");
    }

    @Test
    void aFieldCanBeLabelledForOneFormOnly() throws IOException {
        // a term review's title is its term: "Term" there, while a request's title stays the event's title
        FormSchema selfAssessment = FormSchema.parse(Files.newInputStream(Path.of("forms/termreview/selfAssessment.form")));
        String html = render(selfAssessment, Map.of("title", "2026–2027 学年第一学期"), Map.of(), false, Locale.ENGLISH);

        assertThat(field(html, "title")).contains("Term").doesNotContain("Title of the event");
        assertThat(field(render(selfAssessment, Map.of(), Map.of(), false, Locale.SIMPLIFIED_CHINESE), "title"))
                .contains("学期");
        assertThat(render(request, Map.of(), Map.of(), false, Locale.ENGLISH)).contains("<span>Title of the event</span>");
    }

    @Test
    void errorAppearsBesideTheFieldAndIsReferencedByIt() {
        String html = render(Map.of("title", "研修"),
                Map.of("title", new FormError("form.error.minLength", 4), "level", new FormError("form.error.required")));

        String title = field(html, "title");
        assertThat(title).startsWith("<div class=\"field has-error");
        assertThat(title).contains("<p class=\"field-error\" id=\"err-title\" role=\"alert\">至少 4 个字</p>");
        assertThat(tag(html, "f-title")).contains("aria-invalid=\"true\"",
                "aria-describedby=\"help-title err-title\"", "value=\"研修\"");
        assertThat(tag(html, "f-level")).contains("aria-describedby=\"err-level\"");
        assertThat(field(html, "level")).contains("此项必填");
        assertThat(field(html, "organizer")).doesNotContain("field-error", "has-error");
    }

    @Test
    void valuesAreRefilledAndOptionsSelected() {
        Map<String, Object> values = new HashMap<>();
        values.put("title", "<b>会</b>");
        values.put("level", "provincial");
        values.put("purpose", "第一行\n第二行");
        values.put("outOfProvince", "true");
        values.put("budgetLodging", 200.5);
        values.put("budgetTotal", 350.5);
        values.put("invitation", 42L);
        values.put("invitationName", "通知.pdf");

        String html = render(values, Map.of());

        assertThat(tag(html, "f-title")).contains("value=\"&lt;b&gt;会&lt;/b&gt;\"");
        assertThat(field(html, "level")).contains("<option value=\"provincial\" selected=\"selected\">省级</option>")
                .doesNotContain("<option value=\"\"");
        assertThat(field(html, "kind")).contains("<option value=\"\">请选择</option>");
        assertThat(html).contains(">第一行\n第二行</textarea>");
        assertThat(tag(html, "f-outOfProvince")).contains("checked");
        assertThat(tag(html, "f-budgetLodging")).contains("value=\"200.5\"");
        assertThat(html).containsPattern("<output[^>]*>350.5</output>");
        assertThat(field(html, "invitation")).contains("href=\"/attachments/42\"", ">通知.pdf</a>",
                "不选择新文件则保留当前文件");
        assertThat(tag(html, "f-invitation")).doesNotContain("required");
    }

    @Test
    void markdownTextIsRenderedSafely() {
        FormSchema review = FormSchema.parse("""
                {"id":"t-review","components":[
                  {"id":"Text_1","type":"text","text":"### {{title}}\\n\\n**申请人**：{{name}}  \\n<script>alert(1)</script>"},
                  {"id":"Field_d","type":"radio","key":"decision","values":[{"label":"同意","value":"approve"}]}]}
                """);

        String html = render(review, Map.of("title", "研修 & <i>会</i>", "name", "**王**<img src=x>"), Map.of(), false,
                Locale.SIMPLIFIED_CHINESE);

        assertThat(html).contains("<h3>研修 &amp; &lt;i&gt;会&lt;/i&gt;</h3>",
                "<p><strong>申请人</strong>：**王**&lt;img src=x&gt;<br>",
                "&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        assertThat(html).doesNotContain("<script", "<img", "<i>");
        assertThat(tag(html, "f-decision")).startsWith("<fieldset");
        assertThat(tag(html, "f-decision-0")).contains("type=\"radio\"", "value=\"approve\"");
    }

    @Test
    void aDisabledFieldShowsItsValueAsPlainTextWithoutHelpAndIsMarkedAsContext() throws IOException {
        FormSchema review = FormSchema.parse(Files.newInputStream(Path.of("forms/externalstudy/leaderReview.form")));
        Map<String, Object> values = new HashMap<>();
        values.put("title", "研修 [报名](http://evil.example)");
        values.put("purpose", "<a href=\"http://evil.example\">点我</a>");
        values.put("startDate", "2026-04-10");
        values.put("tripDays", 3);

        String html = render(review, values, Map.of(), false, Locale.ENGLISH);

        assertThat(tag(html, "f-title")).contains("disabled", "value=\"研修 [报名](http://evil.example)\"");
        assertThat(html).contains("&lt;a href=&quot;http://evil.example&quot;&gt;点我&lt;/a&gt;</textarea>")
                .doesNotContain("<a href=\"http://evil.example");
        assertThat(tag(html, "f-startDate")).contains("type=\"date\"", "disabled", "value=\"2026-04-10\"");
        assertThat(tag(html, "f-tripDays")).contains("disabled", "value=\"3\"");
        // instructions are for filling a field in, not for reading one
        assertThat(field(html, "title")).startsWith("<div class=\"field field-textfield context\"")
                .doesNotContain("help-title", "For example");
        assertThat(tag(html, "f-leaderComment")).doesNotContain("disabled");
        assertThat(field(html, "leaderComment")).doesNotContain("context");
    }

    @Test
    void readonlyModeShowsLabelsAndDisplayValues() {
        Map<String, Object> values = new HashMap<>();
        values.put("title", "全国研讨会");
        values.put("level", "national");
        values.put("kind", "seminar");
        values.put("outOfProvince", true);
        values.put("budgetTotal", 350.5);
        values.put("invitation", "7");
        values.put("invitationName", "通知.pdf");

        String html = render(request, values, null, true, Locale.SIMPLIFIED_CHINESE);
        String english = render(request, values, null, true, Locale.ENGLISH);

        assertThat(html).doesNotContain("<input", "<select", "<textarea");
        assertThat(field(html, "level")).contains("<dt>级别</dt>", "<dd>国家级</dd>");
        assertThat(field(html, "outOfProvince")).contains("<dd>是</dd>");
        assertThat(field(html, "budgetTotal")).contains("<dd>350.5</dd>");
        assertThat(field(html, "invitation")).contains("href=\"/attachments/7\"", ">通知.pdf</a>");
        assertThat(field(html, "organizer")).contains("<dd>—</dd>");
        assertThat(field(english, "kind")).contains("<dt>Type</dt>", "<dd>Academic seminar</dd>");
        assertThat(field(english, "outOfProvince")).contains("<dd>Yes</dd>");
    }
}
