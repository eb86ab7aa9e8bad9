package eu.clustercalls.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every reason of processes/eligibility.dmn is written in English, Spanish and Catalan (messages/phrases): the
 * English word for word as the table's (which Cockpit shows), the translations with the same facts.
 */
class EligibilityPhrasesTest {

    private static final String DMN = "processes/eligibility.dmn";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void theEnglishOfEveryReasonIsTheDecisionTablesOwn() throws Exception {
        Map<String, String> reasons = reasonsOfTheTable();
        Properties english = bundle("messages/phrases.properties");

        assertThat(reasons).hasSize(12);
        reasons.forEach((code, template) -> assertThat(english.getProperty("phrase.eligibility." + code))
                .as(code).isEqualTo(template));
    }

    @Test
    void everyReasonIsTranslatedWithTheSameFacts() throws Exception {
        Map<String, String> reasons = reasonsOfTheTable();
        for (String translation : List.of("messages/phrases_es.properties", "messages/phrases_ca.properties")) {
            Properties bundle = bundle(translation);
            reasons.forEach((code, template) -> {
                String text = bundle.getProperty("phrase.eligibility." + code);
                assertThat(text).as(translation + ": " + code).isNotBlank().isNotEqualTo(template);
                assertThat(placeholders(text)).as(translation + ": " + code).isEqualTo(placeholders(template));
            });
        }
    }

    /** Each rule's reason code and its reason template, as the table gives them. */
    private static Map<String, String> reasonsOfTheTable() throws Exception {
        Document dmn;
        try (InputStream in = resource(DMN)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            dmn = factory.newDocumentBuilder().parse(in);
        }
        List<String> outputs = elements(dmn.getDocumentElement(), "output").stream()
                .map(output -> output.getAttribute("name")).toList();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Element rule : elements(dmn.getDocumentElement(), "rule")) {
            List<Element> entries = elements(rule, "outputEntry");
            reasons.put(literal(entries.get(outputs.indexOf("reasonCode"))),
                    literal(entries.get(outputs.indexOf("reason"))));
        }
        return reasons;
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    /** A FEEL string literal's text, without its quotes. */
    private static String literal(Element entry) {
        String feel = entry.getTextContent().strip();
        assertThat(feel).startsWith("\"").endsWith("\"");
        return feel.substring(1, feel.length() - 1);
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(result -> result.group(1)).collect(Collectors.toSet());
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static InputStream resource(String path) {
        InputStream in = EligibilityPhrasesTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}
