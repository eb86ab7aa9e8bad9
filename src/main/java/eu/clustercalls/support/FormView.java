package eu.clustercalls.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a user task's form shows, put into task-local variables when the task is created ({@link FormTaskListener}).
 * The texts travel together in one JSON variable, {@value #VARIABLE}, which the engine keeps as bytes: a text
 * variable holds at most 4,000 characters, and an SME's text of that length is longer once escaped. Tasklist reads a
 * JSON variable as an object, so the forms' text components show a text as {@code {{view.name}}}. A value read
 * elsewhere than in a text (a column of Tasklist's filters, a maximum that a field checks) is a short variable of its
 * own. History records none of them ({@link FormViewsOutOfHistory}).
 */
public final class FormView {

    /** The task-local variable that holds the texts. */
    public static final String VARIABLE = "view";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> texts = new LinkedHashMap<>();
    private final Map<String, Object> variables = new LinkedHashMap<>();

    /**
     * A text of the form, shown as {@code {{view.name}}}: markdown, in which what people typed went through
     * {@link Formats#markdownText}; or a figure.
     */
    public FormView text(String name, Object value) {
        texts.put(name, value);
        return this;
    }

    /**
     * A short variable of its own, for what reads task variables rather than the view: a column of Tasklist's filters
     * (plain text), a maximum that a field of the form checks against.
     */
    public FormView variable(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    public Map<String, Object> texts() {
        return Collections.unmodifiableMap(texts);
    }

    public Map<String, Object> variables() {
        return Collections.unmodifiableMap(variables);
    }

    /** Puts the view into the task's local variables, where its form reads it. */
    public void showIn(DelegateTask task) {
        task.setVariablesLocal(variables);
        try {
            task.setVariableLocal(VARIABLE, SpinValues.jsonValue(JSON.writeValueAsString(texts)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The view of task " + task.getId() + " is not JSON", e);
        }
    }
}
