package school.training.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rules for every file in {@code forms/}, which Camunda's Tasklist (form-js 1.10) renders as well as
 * our pages.
 */
class FormFilesTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every component of every form, with the form's file name. */
    private record Component(String form, JsonNode node) {

        String type() {
            return node.path("type").asText();
        }

        String describe() {
            return form + " " + node.path("id").asText() + (node.has("key") ? "[" + node.get("key").asText() + "]" : "");
        }
    }

    private static List<Component> components() throws IOException {
        List<Component> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("forms"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                collect(file.getFileName().toString(), JSON.readTree(file.toFile()).path("components"), all);
            }
        }
        assertThat(all).as("components in forms/").hasSizeGreaterThan(100);
        return all;
    }

    private static void collect(String form, JsonNode list, List<Component> into) {
        for (JsonNode node : list) {
            into.add(new Component(form, node));
            collect(form, node.path("components"), into);
        }
    }

    /**
     * Tasklist renders a text component as markdown and HTML with {@code {{variable}}} filled in
     * unescaped, and a text that is an expression ({@code =...}) from the variables too: a teacher's
     * "[课件](http://…)" became a live link in the leader's Tasklist. Text components stay static;
     * values people typed are shown in disabled fields (plain text there, never submitted back).
     */
    @Test
    void noTextComponentShowsAVariable() throws IOException {
        Set<String> interpolating = new TreeSet<>();
        for (Component c : components()) {
            if (!FormComponent.TEXT.equals(c.type())) {
                continue;
            }
            String text = c.node().path("text").asText();
            if (text.contains("{{") || text.strip().startsWith("=")) {
                interpolating.add(c.describe() + ": " + text);
            }
        }
        assertThat(interpolating).isEmpty();
    }

    /** Any other component with markup from variables: form-js 1.10 has "html" too, and labels may be expressions. */
    @Test
    void noComponentRendersMarkupOrExpressionsFromVariables() throws IOException {
        Set<String> found = new TreeSet<>();
        for (Component c : components()) {
            if ("html".equals(c.type()) || "iframe".equals(c.type())) {
                found.add(c.describe() + ": " + c.type());
            }
            for (String property : new String[] { "label", "description", "dateLabel" }) {
                String value = c.node().path(property).asText("");
                if (value.contains("{{") || value.strip().startsWith("=")) {
                    found.add(c.describe() + " " + property + ": " + value);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** A disabled field is how a form shows a value: never taken from a post, and form-js does not submit it. */
    @Test
    void fieldsShowingValuesAreDisabledNotReadonly() throws IOException {
        Set<String> readonly = new TreeSet<>();
        for (Component c : components()) {
            if (c.node().path("readonly").asBoolean(false)) {
                // form-js submits a readonly field's value back: Tasklist would overwrite the variable
                readonly.add(c.describe());
            }
        }
        assertThat(readonly).isEmpty();
    }

    /** Every text a person types has a limit, so an over-long text is refused beside its field. */
    @Test
    void everyTypedTextHasAMaximumLength() throws IOException {
        Set<String> unlimited = new TreeSet<>();
        for (Component c : components()) {
            boolean typed = FormComponent.TEXTFIELD.equals(c.type()) || FormComponent.TEXTAREA.equals(c.type());
            if (typed && !c.node().path("disabled").asBoolean(false) && !c.node().path("validate").has("maxLength")) {
                unlimited.add(c.describe());
            }
        }
        assertThat(unlimited).isEmpty();
    }
}
