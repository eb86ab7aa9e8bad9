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

    private final Map<String, Map<String, Kind>> fieldsByForm;

    FormFieldCatalog() {
        this(readForms("classpath*:forms/*.form"));
    }

    FormFieldCatalog(Map<String, Map<String, Kind>> fieldsByForm) {
        this.fieldsByForm = Map.copyOf(fieldsByForm);
    }

    /** The fields of that form by key; empty for a form without input fields or an unknown form. */
    Map<String, Kind> fields(String formId) {
        return formId == null ? Map.of() : fieldsByForm.getOrDefault(formId, Map.of());
    }

    private static Map<String, Map<String, Kind>> readForms(String pattern) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, Kind>> forms = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    Map<String, Kind> fields = new LinkedHashMap<>();
                    collect(form, fields);
                    forms.put(form.path("id").asText(), fields);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The deployed forms cannot be read", e);
        }
        return forms;
    }

    private static void collect(JsonNode container, Map<String, Kind> fields) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key")) {
                fields.put(component.get("key").asText(), Kind.of(component.path("type").asText()));
            }
            collect(component, fields);
        }
    }
}
