package school.training.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

class FormSubmissionsTests {

    private final FormSubmissions submissions = new FormSubmissions(new FormExpressions(), DataSize.ofMegabytes(1));
    private FormSchema request;
    private final Map<String, String[]> params = new HashMap<>();
    private final MultiValueMap<String, MultipartFile> files = new LinkedMultiValueMap<>();

    @BeforeEach
    void validRequest() throws IOException {
        request = FormSchemaTests.load("request");
        put("title", "2026 年全国中学语文教学研讨会");
        put("organizer", "教育部");
        put("level", "national");
        put("kind", "conference");
        put("location", "北京");
        put("startDate", "2026-04-10");
        put("endDate", "2026-04-12");
        put("purpose", "学习新课标下的阅读教学方法。");
        put("classCover", "王老师代课");
        put("budgetTransport", "100");
        put("budgetLodging", "200.5");
        put("budgetFees", "0");
        put("budgetOther", "50");
        files.add("invitation", pdf(1000));
    }

    private void put(String key, String value) {
        params.put(key, new String[] { value });
    }

    private static MockMultipartFile pdf(int size) {
        return new MockMultipartFile("invitation", "通知.PDF", "application/pdf", new byte[size]);
    }

    private FormSubmission read() {
        return submissions.read(request, params, files);
    }

    @Test
    void aValidRequestIsTyped() {
        FormSubmission s = read();

        assertThat(s.errors()).isEmpty();
        assertThat(s.values()).containsEntry("title", "2026 年全国中学语文教学研讨会")
                .containsEntry("level", "national")
                .containsEntry("startDate", "2026-04-10")
                .containsEntry("budgetTransport", 100.0)
                .containsEntry("budgetLodging", 200.5)
                .containsEntry("budgetFees", 0.0)
                .containsEntry("outOfProvince", false)
                .doesNotContainKey("invitation");
        assertThat(s.file("invitation").getOriginalFilename()).isEqualTo("通知.PDF");
    }

    @Test
    void computesTheExpressionTreatingBlankNumbersAsTheirDefault() {
        put("budgetFees", "");

        FormSubmission s = read();

        assertThat(s.values()).containsEntry("budgetTotal", 350.5);
        assertThat(s.raw()).containsEntry("budgetTotal", "350.5");
    }

    @Test
    void expressionCannotBeForged() {
        put("budgetTotal", "1");

        assertThat(read().values()).containsEntry("budgetTotal", 350.5);
    }

    @Test
    void requiredMissing() {
        params.remove("title");
        put("organizer", "   ");

        FormSubmission s = read();

        assertThat(s.errors()).containsEntry("title", new FormError("form.error.required"))
                .containsEntry("organizer", new FormError("form.error.required"));
        assertThat(s.hasErrors()).isTrue();
    }

    @Test
    void minAndMax() {
        put("budgetTransport", "-1");
        put("budgetLodging", "100000.01");

        FormSubmission s = read();

        assertThat(s.errors()).containsEntry("budgetTransport", new FormError("form.error.min", "0"))
                .containsEntry("budgetLodging", new FormError("form.error.max", "100000"));
    }

    @Test
    void minLengthAndMaxLengthCountCharacters() {
        put("title", "研修");
        put("location", "𠀀".repeat(101));

        FormSubmission s = read();

        assertThat(s.errors()).containsEntry("title", new FormError("form.error.minLength", 4))
                .containsEntry("location", new FormError("form.error.maxLength", 100));

        put("title", "𠀀".repeat(4));
        put("location", "𠀀".repeat(100));
        assertThat(read().errors()).doesNotContainKeys("title", "location");
    }

    @Test
    void controlCharactersAreRefusedButATextareaKeepsItsLineBreaksAndTabs() {
        put("title", "研修\u0000会议");
        put("organizer", "教育部\u001b[31m");
        put("location", "北京\u0085");
        put("purpose", "第一段：学习方法。\r\n\t第二段：回校分享。");
        put("classCover", "王老师\u0007代课");

        FormSubmission s = read();

        assertThat(s.errors()).containsEntry("title", new FormError(FormSubmissions.CONTROL_CHARACTER))
                .containsEntry("organizer", new FormError(FormSubmissions.CONTROL_CHARACTER))
                .containsEntry("location", new FormError(FormSubmissions.CONTROL_CHARACTER))
                .containsEntry("classCover", new FormError(FormSubmissions.CONTROL_CHARACTER))
                .doesNotContainKey("purpose");
        assertThat(s.values()).containsEntry("purpose", "第一段：学习方法。\r\n\t第二段：回校分享。");
        // what was typed comes back as it was, for the person to fix
        assertThat(s.raw()).containsEntry("title", "研修\u0000会议");
    }

    @Test
    void aSingleLineFieldTakesNoLineBreakOrTab() {
        put("title", "2026 年全国\n中学语文教学研讨会");
        put("organizer", "教育部\t基础教育司");

        FormSubmission s = read();

        assertThat(s.errors()).containsEntry("title", new FormError(FormSubmissions.SINGLE_LINE))
                .containsEntry("organizer", new FormError(FormSubmissions.SINGLE_LINE));
    }

    @Test
    void otherInvisibleButPrintableCharactersAreNotControlCharacters() {
        // a no-break space and a zero-width joiner are format/space characters, not Cc: they stay
        put("title", "2026 年全国\u00a0中学语文\u200d研讨会");

        assertThat(read().errors()).doesNotContainKey("title");
    }

    @Test
    void patternMustMatchWholeValue() throws IOException {
        FormSchema office = FormSchemaTests.load("officeRegistration");
        Map<String, String[]> p = Map.of("approvalNumber", new String[] { "WX-2026-15" });

        assertThat(submissions.read(office, p, null).errors())
                .containsEntry("approvalNumber", new FormError("form.error.pattern"));
        assertThat(submissions.read(office, Map.of("approvalNumber", new String[] { " WX-2026-015 " }), null)
                .values()).containsEntry("approvalNumber", "WX-2026-015");
    }

    @Test
    void badNumbers() {
        put("budgetTransport", "12,5");
        put("budgetLodging", "1e3");
        put("budgetOther", "1.005");

        FormSubmission s = read();

        assertThat(s.errors()).containsEntry("budgetTransport", new FormError("form.error.number"))
                .containsEntry("budgetLodging", new FormError("form.error.number"))
                .containsEntry("budgetOther", new FormError("form.error.decimalDigits", 2));
    }

    @Test
    void badDate() {
        put("startDate", "2026-02-30");
        put("endDate", "12/04/2026");

        FormSubmission s = read();

        assertThat(s.errors()).containsEntry("startDate", new FormError("form.error.date"))
                .containsEntry("endDate", new FormError("form.error.date"));
    }

    @Test
    void optionTamperingIsRejected() {
        put("level", "galactic");

        FormSubmission s = read();

        assertThat(s.errors()).containsEntry("level", new FormError("form.error.option"));
        assertThat(s.values().get("level")).isNull();
    }

    @Test
    void checkboxTickedOrNot() {
        assertThat(read().values()).containsEntry("outOfProvince", false);

        put("outOfProvince", "true");
        assertThat(read().values()).containsEntry("outOfProvince", true);
    }

    @Test
    void oversizeFile() {
        files.set("invitation", pdf(1024 * 1024 + 1));

        FormSubmission s = read();

        assertThat(s.errors()).containsEntry("invitation", new FormError("form.error.fileTooLarge", 1L));
        assertThat(s.files()).doesNotContainKey("invitation");
    }

    @Test
    void wrongExtension() {
        files.set("invitation", new MockMultipartFile("invitation", "notice.pdf.exe", "application/pdf", new byte[10]));

        assertThat(read().errors()).containsEntry("invitation",
                new FormError("form.error.fileType", ".pdf,.jpg,.jpeg,.png,.doc,.docx"));
    }

    @Test
    void requiredFileMissingUnlessAnExistingValueIsKept() {
        files.set("invitation", new MockMultipartFile("invitation", "", "application/octet-stream", new byte[0]));

        assertThat(read().errors()).containsEntry("invitation", new FormError("form.error.required"));
        assertThat(submissions.read(request, params, files, Map.of("invitation", 42L)).errors()).isEmpty();
    }

    @Test
    void rawValuesAreKeptExactly() {
        put("title", "  研修  ");
        put("budgetTransport", "abc");
        put("budgetFees", "");

        FormSubmission s = read();

        assertThat(s.raw()).containsEntry("title", "  研修  ").containsEntry("budgetTransport", "abc")
                .containsEntry("budgetFees", "");
        // the invalid number counts as 0 in the total
        assertThat(s.values()).containsEntry("budgetTotal", 250.5);
    }

    @Test
    void readOnlyDisabledAndTextComponentsAreNeverTakenFromTheRequest() {
        FormSchema schema = FormSchema.parse("""
                {"id":"t","components":[
                  {"id":"a","type":"textfield","key":"fixed","readonly":true,"validate":{"required":true}},
                  {"id":"b","type":"number","key":"locked","disabled":true},
                  {"id":"c","type":"text","text":"hello"},
                  {"id":"d","type":"textfield","key":"free"}]}
                """);
        Map<String, String[]> p = Map.of("fixed", new String[] { "forged" }, "locked", new String[] { "9" },
                "free", new String[] { "ok" });

        FormSubmission s = submissions.read(schema, p, null);

        assertThat(s.errors()).isEmpty();
        assertThat(s.values()).containsOnlyKeys("free");
        assertThat(s.raw()).containsOnlyKeys("free");
    }

    @Test
    void callersAddDomainErrors() {
        FormSubmission s = read();

        s.reject("endDate", "externalStudy.error.endBeforeStart", "2026-04-10");

        assertThat(s.hasErrors()).isTrue();
        assertThat(s.errors().get("endDate").args()).containsExactly("2026-04-10");
    }

    @Test
    void leniencyForLivePreview() {
        Map<String, Object> result = submissions.evaluateLeniently(request,
                Map.of("budgetTransport", new String[] { "10" }, "budgetLodging", new String[] { "x" }));

        assertThat(result).containsExactly(Map.entry("budgetTotal", 10.0));
    }

    @Test
    void initialValuesAreDefaultsAndExpressions() {
        assertThat(submissions.initialValues(request)).containsEntry("budgetTransport", 0.0)
                .containsEntry("outOfProvince", false)
                .containsEntry("budgetTotal", 0.0)
                .doesNotContainKey("title");
    }

    @Test
    void redisplayKeepsTheCurrentAttachmentAndWhatWasTyped() {
        put("title", "改过的");

        Map<String, Object> values = read().redisplay(Map.of("invitation", 42L, "invitationName", "通知.pdf",
                "title", "旧的"));

        assertThat(values).containsEntry("invitation", 42L).containsEntry("invitationName", "通知.pdf")
                .containsEntry("title", "改过的");
    }
}
