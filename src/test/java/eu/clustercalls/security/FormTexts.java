package eu.clustercalls.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clustercalls.TasklistFormData;
import eu.clustercalls.support.FormView;

/**
 * The text components of our Camunda Forms as Tasklist renders them: form-js puts the task's view into the markdown
 * ({{view.name}}) and shows the result as HTML. Whatever a person typed must arrive there as text: no HTML tag, no
 * link or image that our own markdown does not have (our links open a document: {@link #OUR_LINK}), no address that
 * the markdown makes a link.
 */
public final class FormTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}");

    private final Map<String, List<String>> textsByForm = new HashMap<>();

    public FormTexts() {
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    List<String> texts = new ArrayList<>();
                    collectTexts(form, texts);
                    textsByForm.put(form.get("id").asText(), texts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (textsByForm.isEmpty()) {
            throw new IllegalStateException("No forms on the class path under forms/");
        }
    }

    private static void collectTexts(JsonNode component, List<String> texts) {
        if ("text".equals(component.path("type").asText())) {
            texts.add(component.path("text").asText());
        }
        component.path("components").forEach(child -> collectTexts(child, texts));
    }

    /** Markup found in the form's texts with this view put in, each as "form: what (where)". */
    public List<String> markupIn(String formId, FormView view) {
        return markupIn(formId, TasklistFormData.of(view));
    }

    /** Markup found in the form's texts with this form data put in, each as "form: what (where)". */
    public List<String> markupIn(String formId, Map<String, ?> data) {
        List<String> texts = textsByForm.get(formId);
        if (texts == null) {
            return List.of(formId + ": no such form");
        }
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            StringBuilder rendered = new StringBuilder();
            while (placeholder.find()) {
                Object value = valueAt(data, placeholder.group(1));
                placeholder.appendReplacement(rendered, Matcher.quoteReplacement(value == null ? "" : value.toString()));
            }
            placeholder.appendTail(rendered);
            markup(rendered.toString()).forEach(markup -> found.add(formId + ": " + markup));
        }
        return found;
    }

    /** Markup in the forms of the open tasks of these process instances, with the variables each task sees. */
    public List<String> markupInTasks(TaskService taskService, String... processInstanceIds) {
        List<String> found = new ArrayList<>();
        for (String processInstanceId : processInstanceIds) {
            for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).initializeFormKeys().list()) {
                if (task.getCamundaFormRef() != null) {
                    found.addAll(markupIn(task.getCamundaFormRef().getKey(), TasklistFormData.of(taskService, task.getId())));
                }
            }
        }
        return found;
    }

    /** The value at a path such as "view.motivation", or null. */
    private static Object valueAt(Map<String, ?> data, String path) {
        Object value = data;
        for (String name : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(name) : null;
        }
        return value;
    }

    /**
     * HTML tags, links and addresses of rendered markdown, as markdown reads it: a backslash makes the next character
     * plain. Our own texts use none, so each one found came from a variable.
     */
    public static List<String> markup(String markdown) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < markdown.length() - 1; i++) {
            char c = markdown.charAt(i);
            char next = markdown.charAt(i + 1);
            if (c == '\\') {
                i++;
            } else if (linksAnAddress(markdown, i)) {
                found.add("address " + excerpt(markdown, i));
            } else if (c == '<' && (Character.isLetter(next) || next == '/' || next == '!' || next == '?')) {
                found.add("HTML " + excerpt(markdown, i));
            } else if (c == ']' && next == '(' && ourLink(markdown, i + 1)) {
                i = markdown.indexOf(')', i);
            } else if (c == ']' && (next == '(' || next == ':' || next == '[')) {
                found.add("link " + excerpt(markdown, i));
            } else if (c == '!' && next == '[') {
                found.add("image " + excerpt(markdown, i));
            }
        }
        return found;
    }

    /** The target of a link our views build: a document that staff open in their Tasklist session. */
    private static final Pattern OUR_LINK = Pattern.compile("\\(/staff/claims/\\d+/documents/\\d+\\)");

    private static boolean ourLink(String markdown, int at) {
        Matcher target = OUR_LINK.matcher(markdown).region(at, markdown.length());
        return target.lookingAt();
    }

    /**
     * Whether the markdown (marked, with GitHub's extensions) makes a link from here: the ':' of "https://", the '.'
     * of "www." or the '@' of an e-mail address.
     */
    private static boolean linksAnAddress(String markdown, int i) {
        return switch (markdown.charAt(i)) {
            case ':' -> markdown.startsWith("//", i + 1);
            case '.' -> i >= 3 && markdown.regionMatches(true, i - 3, "www", 0, 3);
            case '@' -> i > 0 && inAddress(markdown.charAt(i - 1)) && inAddress(markdown.charAt(i + 1));
            default -> false;
        };
    }

    private static boolean inAddress(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "._+-".indexOf(c) >= 0);
    }

    private static String excerpt(String text, int at) {
        return "'" + text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 40)).replace("\n", "⏎") + "'";
    }
}
