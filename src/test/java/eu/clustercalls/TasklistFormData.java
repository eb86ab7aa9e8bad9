package eu.clustercalls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.support.FormView;

/**
 * The data Tasklist gives a task's form (form-js): the variables the task sees, read without deserialising, a JSON
 * variable parsed into an object, as Tasklist's camunda-forms does. The forms' texts read {@code view.name} from it.
 */
public final class TasklistFormData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TasklistFormData() {
    }

    public static Map<String, Object> of(TaskService taskService, String taskId) {
        Map<String, Object> data = new HashMap<>();
        VariableMap variables = taskService.getVariablesTyped(taskId, false);
        variables.keySet().forEach(name -> data.put(name, valueOf(variables.getValueTyped(name))));
        return data;
    }

    /** The data a form would get from this view alone. */
    public static Map<String, Object> of(FormView view) {
        Map<String, Object> data = new HashMap<>(view.variables());
        data.put(FormView.VARIABLE, view.texts());
        return data;
    }

    /** The texts of the task's view, as its form reads them. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> view(TaskService taskService, String taskId) {
        Object view = valueOf(taskService.getVariableLocalTyped(taskId, FormView.VARIABLE, false));
        if (view == null) {
            throw new AssertionError("Task " + taskId + " has no " + FormView.VARIABLE + " variable");
        }
        return (Map<String, Object>) view;
    }

    private static Object valueOf(TypedValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SerializableValue serializable
                && "application/json".equals(serializable.getSerializationDataFormat())) {
            try {
                return JSON.readValue(serializable.getValueSerialized(), new TypeReference<Map<String, Object>>() { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return value.getValue();
    }
}
