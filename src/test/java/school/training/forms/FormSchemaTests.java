package school.training.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class FormSchemaTests {

    static FormSchema load(String name) throws IOException {
        return FormSchema.parse(Files.newInputStream(Path.of("forms/externalstudy", name + ".form")));
    }

    @Test
    void parsesTheRequestFormFlatteningGroups() throws IOException {
        FormSchema schema = load("request");

        assertThat(schema.getId()).isEqualTo("externalStudy-request");
        assertThat(schema.fields()).extracting(FormComponent::getKey).containsExactly(
                "title", "organizer", "level", "kind", "location", "outOfProvince", "startDate", "endDate",
                "purpose", "classCover", "budgetTransport", "budgetLodging", "budgetFees", "budgetOther",
                "budgetTotal", "invitation");
        assertThat(schema.getComponents()).extracting(FormComponent::getType).contains("group");
    }

    @Test
    void readsRulesOptionsAndTypeDetails() throws IOException {
        FormSchema schema = load("request");

        FormComponent title = schema.field("title").orElseThrow();
        assertThat(title.isRequired()).isTrue();
        assertThat(title.getValidate().minLength()).isEqualTo(4);
        assertThat(title.getValidate().maxLength()).isEqualTo(100);
        assertThat(title.getDescription()).startsWith("例如");

        FormComponent level = schema.field("level").orElseThrow();
        assertThat(level.getValues()).extracting(FormOption::value).contains("national", "interSchool");
        assertThat(level.optionLabel("provincial")).isEqualTo("省级");

        FormComponent start = schema.field("startDate").orElseThrow();
        assertThat(start.isDate()).isTrue();
        assertThat(start.getLabel()).isEqualTo("开始日期");

        FormComponent transport = schema.field("budgetTransport").orElseThrow();
        assertThat(transport.getStep()).isEqualTo("0.01");
        assertThat(transport.getValidate().max()).isEqualTo(100000.0);

        assertThat(schema.field("budgetTotal").orElseThrow().getExpression()).startsWith("=budgetTransport");
        assertThat(schema.field("invitation").orElseThrow().getAccept()).contains(".pdf");
    }

    @Test
    void parsesEveryDeployedFormWithTheRequestShownInDisabledFields() throws IOException {
        for (String name : new String[] { "leaderReview", "principalApproval", "officeRegistration" }) {
            FormSchema schema = load(name);
            assertThat(schema.getId()).isEqualTo("externalStudy-" + name);
            FormComponent title = schema.getComponents().get(0);
            assertThat(title.getKey()).isEqualTo("title");
            assertThat(title.isDisabled()).isTrue();
            assertThat(title.isEditable()).isFalse();
            assertThat(schema.fields()).isNotEmpty();
        }
        assertThat(load("officeRegistration").field("approvalNumber").orElseThrow().getValidate().pattern())
                .isEqualTo("^WX-\\d{4}-\\d{3,4}$");
    }

    @Test
    void ignoresUnknownTypesAndProperties() {
        FormSchema schema = FormSchema.parse("""
                {"id":"x","somethingNew":1,"components":[
                  {"id":"a","type":"dynamiclist","key":"list","components":[]},
                  {"id":"b","type":"textfield","key":"name","label":"Name","layout":{"row":"r1"}}]}
                """);

        assertThat(schema.fields()).extracting(FormComponent::getKey).containsExactly("name");
    }
}
