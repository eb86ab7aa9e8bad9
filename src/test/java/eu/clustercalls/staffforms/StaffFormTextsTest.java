package eu.clustercalls.staffforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * No word of a staff form (a task's or a start form) is written in the form itself: every label, description, text
 * and choice reads the form's {@code labels}, and every text a form reads is in English, Spanish and Catalan. A text typed into a form in one
 * language, or a key missing from one bundle, fails here.
 */
class StaffFormTextsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);
    private static final Pattern FEEL_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern LABEL_READ = Pattern.compile("labels\\.([A-Za-z_][\\w.]*[\\w])");
    private static final Pattern STAFF_FORM = Pattern.compile(
            "<bpmn:(?:userTask|startEvent)\\b[^>]*\\bcamunda:formRef=\"([^\"]+)\"");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final List<String> LANGUAGES = List.of("", "_es", "_ca");

    @Test
    void noStaffFormHasAWordOfItsOwn() {
        List<String> words = new ArrayList<>();
        staffForms().forEach((id, form) -> {
            for (JsonNode component : components(form)) {
                String where = id + "." + component.path("id").asText();
                for (String attribute : List.of("label", "description")) {
                    if (component.hasNonNull(attribute) && hasWords(TEMPLATE.matcher(component.get(attribute).asText())
                            .replaceAll(""))) {
                        words.add(where + "." + attribute + ": " + component.get(attribute).asText());
                    }
                }
                if (component.hasNonNull("text")) {
                    String text = component.get("text").asText();
                    List<String> literals = text.startsWith("=") ? feelStrings(text)
                            : List.of(TEMPLATE.matcher(text).replaceAll(""));
                    literals.stream().filter(StaffFormTextsTest::hasWords)
                            .forEach(literal -> words.add(where + ".text: " + literal));
                }
                component.path("values").forEach(value -> words.add(where + " choice: " + value.path("label").asText()));
                if (component.has("valuesExpression")) {
                    assertThat(component.get("valuesExpression").asText()).as(where)
                            .isEqualTo("=labels." + component.path("id").asText() + ".options");
                }
            }
        });

        assertThat(staffForms()).as("staff forms").hasSizeGreaterThan(10).containsKey("form_draft_call");
        assertThat(words).as("words written in a form instead of read from its labels").isEmpty();
    }

    @Test
    void everyTextAFormReadsIsInEnglishSpanishAndCatalan() {
        List<String> missing = new ArrayList<>();
        for (String language : LANGUAGES) {
            Properties bundle = bundle(language);
            staffForms().forEach((id, form) -> labelsRead(form).forEach(path -> {
                if (path.endsWith(".options")) {
                    String prefix = id + "." + path + ".";
                    if (bundle.stringPropertyNames().stream().noneMatch(key -> key.startsWith(prefix))) {
                        missing.add("staff-forms" + language + ": choices " + prefix + "*");
                    }
                } else if (bundle.getProperty(id + "." + path, "").isBlank()) {
                    missing.add("staff-forms" + language + ": " + id + "." + path);
                }
            }));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theThreeLanguagesHaveTheSameTextsAndEachIsReadByAForm() {
        Set<String> english = bundle("").stringPropertyNames();
        for (String language : LANGUAGES) {
            Properties bundle = bundle(language);
            assertThat(bundle.stringPropertyNames()).as("keys of staff-forms" + language)
                    .containsExactlyInAnyOrderElementsOf(english);
            assertThat(bundle.stringPropertyNames()).as("empty texts of staff-forms" + language)
                    .noneMatch(key -> bundle.getProperty(key).isBlank());
        }
        Set<String> read = new LinkedHashSet<>();
        staffForms().forEach((id, form) -> labelsRead(form).forEach(path -> read.add(id + "." + path)));
        assertThat(english).as("texts no form reads")
                .allMatch(key -> read.contains(key) || read.contains(key.substring(0, key.lastIndexOf('.'))));
    }

    @Test
    void aFormsTextsAreNestedAtTheDotsAndItsChoicesKeepTheOrderOfTheEnglishFile() throws IOException {
        StaffFormTexts.Texts texts = new StaffFormTexts.Texts(null);

        JsonNode catalan = JSON.readTree(texts.json("form_verify_claim", Locale.forLanguageTag("ca")));
        assertThat(catalan.at("/field_verification/label").asText()).isEqualTo("La vostra decisió");
        assertThat(catalan.at("/field_verification/options").findValuesAsText("value"))
                .containsExactly("APPROVE", "REDUCE", "RETURN");
        assertThat(catalan.at("/field_verification/options/2/label").asText())
                .isEqualTo("Retornar a la pime per corregir");

        JsonNode english = JSON.readTree(texts.json("form_verify_claim", Locale.ENGLISH));
        assertThat(english.at("/field_verification/options/2/label").asText())
                .isEqualTo("Return to the SME for correction");
        assertThat(english.has("field_payment_decision")).as("another form's texts").isFalse();
    }

    // --- reading the forms and bundles ------------------------------------------------------------------------

    /** The forms of user tasks and start events, by id. */
    static Map<String, JsonNode> staffForms() {
        Set<String> taskFormIds = new LinkedHashSet<>();
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                Matcher matcher = STAFF_FORM.matcher(Files.readString(model));
                while (matcher.find()) {
                    taskFormIds.add(matcher.group(1));
                }
            }
            Map<String, JsonNode> forms = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(Path.of("forms"))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
                    JsonNode form = JSON.readTree(file.toFile());
                    if (taskFormIds.contains(form.path("id").asText())) {
                        forms.put(form.path("id").asText(), form);
                    }
                }
            }
            assertThat(forms.keySet()).as("every user task's and start event's form is found").containsAll(taskFormIds);
            return forms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> components(JsonNode container) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : container.path("components")) {
            all.add(component);
            all.addAll(components(component));
        }
        return all;
    }

    /** The paths under {@code labels.} that a form reads, in texts, labels, descriptions and choices. */
    private static Set<String> labelsRead(JsonNode form) {
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode component : components(form)) {
            for (String attribute : List.of("label", "description", "text", "valuesExpression")) {
                Matcher matcher = LABEL_READ.matcher(component.path(attribute).asText());
                while (matcher.find()) {
                    paths.add(matcher.group(1));
                }
            }
        }
        return paths;
    }

    private static List<String> feelStrings(String expression) {
        List<String> strings = new ArrayList<>();
        Matcher matcher = FEEL_STRING.matcher(expression);
        while (matcher.find()) {
            strings.add(matcher.group(1));
        }
        return strings;
    }

    private static boolean hasWords(String text) {
        return LETTER.matcher(text).find();
    }

    private static Properties bundle(String language) {
        Properties bundle = new Properties();
        String name = StaffFormTexts.Texts.BUNDLE + language + ".properties";
        try (InputStream in = StaffFormTextsTest.class.getClassLoader().getResourceAsStream(name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            bundle.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
        return bundle;
    }
}
