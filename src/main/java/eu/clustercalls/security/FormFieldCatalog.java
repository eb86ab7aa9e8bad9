package eu.clustercalls.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The input fields of every Camunda Form we deploy (forms/*.form), by form id: what a task's or a start event's form
 * lets a person send, and of which kind. Read from the same files the engine deploys, so a new form is covered the
 * day it is added.
 */
@Component
class FormFieldCatalog {

    /** What a field holds, from its form-js component type. */
    enum Kind {
        TEXT, NUMBER, FLAG;

        static Kind of(String componentType) {
            return switch (componentType) {
                case "number" -> NUMBER;
                case "checkbox" -> FLAG;
                default -> TEXT;
            };
        }

        boolean accepts(Object value) {
            return value == null || switch (this) {
                case TEXT -> value instanceof CharSequence;
                case NUMBER -> value instanceof Number number && Double.isFinite(number.doubleValue());
                case FLAG -> value instanceof Boolean;
            };
        }

        String describe() {
            return switch (this) {
                case TEXT -> "text";
                case NUMBER -> "a number";
                case FLAG -> "true or false";
            };
        }
    }

    /** The engine keeps a text variable in a column of 4,000 characters. */
    static final int LONGEST_TEXT = 4000;

    private final Map<String, Map<String, Kind>> fieldsByForm = new HashMap<>();
    private final Map<String, Map<String, Integer>> maxLengthsByForm = new HashMap<>();

    FormFieldCatalog() {
        readForms("classpath*:forms/*.form");
    }

    /** The fields of that form by key; empty for a form without input fields or an unknown form. */
    Map<String, Kind> fields(String formId) {
        return formId == null ? Map.of() : fieldsByForm.getOrDefault(formId, Map.of());
    }

    /** The most characters the form lets a person type in that field (its own limit, its column's). */
    int maxLength(String formId, String key) {
        return formId == null ? LONGEST_TEXT
                : maxLengthsByForm.getOrDefault(formId, Map.of()).getOrDefault(key, LONGEST_TEXT);
    }

    private void readForms(String pattern) {
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    Map<String, Kind> fields = new LinkedHashMap<>();
                    Map<String, Integer> maxLengths = new HashMap<>();
                    collect(form, fields, maxLengths);
                    fieldsByForm.put(form.path("id").asText(), fields);
                    maxLengthsByForm.put(form.path("id").asText(), maxLengths);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The deployed forms cannot be read", e);
        }
    }

    private static void collect(JsonNode container, Map<String, Kind> fields, Map<String, Integer> maxLengths) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key")) {
                String key = component.get("key").asText();
                fields.put(key, Kind.of(component.path("type").asText()));
                JsonNode maxLength = component.path("validate").path("maxLength");
                if (maxLength.canConvertToInt()) {
                    maxLengths.put(key, Math.min(maxLength.asInt(), LONGEST_TEXT));
                }
            }
            collect(component, fields, maxLengths);
        }
    }
}
