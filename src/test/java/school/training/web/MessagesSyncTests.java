package school.training.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Chinese first, English too: every key exists in both languages, and pages use only keys that exist. */
class MessagesSyncTests {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final String[] BUNDLES = { "messages", "forms", "ledger", "notifications", "reporting", "dashboard",
            "degree", "degreestats", "termreview", "scoring", "campaign", "people", "trainings", "recognition", "termrecords", "lessonplans", "archive", "observations", "research", "hearback", "register", "handover", "slip" };

    @ParameterizedTest
    @ValueSource(strings = { "messages", "forms", "ledger", "notifications", "reporting", "dashboard", "degree",
            "degreestats", "termreview", "scoring", "campaign", "people", "trainings", "recognition", "termrecords", "lessonplans", "archive", "observations", "research", "hearback", "register", "handover", "slip" })
    void everyKeyIsTranslated(String bundle) throws IOException {
        Set<String> chinese = load(bundle + ".properties").stringPropertyNames();
        Set<String> english = load(bundle + "_en.properties").stringPropertyNames();
        assertThat(english).as("keys missing in %s_en.properties", bundle).containsAll(chinese);
        // field labels, options and texts are Chinese in the form JSON itself; only English needs a bundle
        assertThat(chinese).as("keys missing in %s.properties", bundle).containsAll(english.stream()
                .filter(k -> !k.startsWith("field.") && !k.startsWith("text.") && !k.startsWith("group.Group_"))
                .toList());
    }

    @Test
    void everyFormFieldAndOptionHasAnEnglishLabel() throws IOException {
        Properties english = load("forms_en.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> forms = Files.walk(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
                new ObjectMapper().readTree(form.toFile()).findParents("key").forEach(field -> {
                    String key = "field." + field.get("key").asText();
                    if (!english.containsKey(key)) {
                        missing.add(form.getFileName() + ": " + key);
                    }
                    field.path("values").forEach(option -> {
                        String optionKey = key + "." + option.get("value").asText();
                        if (!english.containsKey(optionKey)) {
                            missing.add(form.getFileName() + ": " + optionKey);
                        }
                    });
                });
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        // Spring silently takes the first bundle's text; a key owned twice is a text nobody sees
        Map<String, String> owner = new java.util.HashMap<>();
        Set<String> twice = new TreeSet<>();
        for (String bundle : BUNDLES) {
            for (String key : load(bundle + "_en.properties").stringPropertyNames()) {
                String first = owner.putIfAbsent(key, bundle);
                if (first != null) {
                    twice.add(key + " in " + first + " and " + bundle);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void templatesUseOnlyExistingKeys() throws IOException {
        Properties all = new Properties();
        for (String bundle : BUNDLES) {
            all.putAll(load(bundle + ".properties"));
        }
        Set<String> missing = new TreeSet<>();
        Pattern key = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = key.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!all.containsKey(matcher.group(1))) {
                        missing.add(template.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyStepOfEveryProcessHasANameInBothLanguages() throws IOException {
        Properties chinese = new Properties();
        Properties english = new Properties();
        for (String bundle : new String[] { "messages", "reporting", "degree", "termreview", "recognition" }) {
            chinese.putAll(load(bundle + ".properties"));
            english.putAll(load(bundle + "_en.properties"));
        }
        Pattern step = Pattern.compile("<(userTask|endEvent|boundaryEvent|intermediateCatchEvent|startEvent)[^>]*\\sid=\"([^\"]+)\"");
        try (Stream<Path> processes = Files.walk(Path.of("processes"))) {
            for (Path bpmn : processes.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher matcher = step.matcher(Files.readString(bpmn));
                while (matcher.find()) {
                    String name = "activity." + matcher.group(2);
                    assertThat(chinese).as(bpmn + " " + name).containsKey(name);
                    assertThat(english).as(bpmn + " " + name).containsKey(name);
                }
            }
        }
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(MESSAGES.resolve(file))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
