package eu.clustercalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading the JSON API's answers in web tests. */
public final class ApiResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiResponses() {
    }

    /** The response's JSON, after checking its status and that it gives no stack trace away. */
    public static JsonNode body(MvcResult result, int status) throws Exception {
        String content = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(content).isEqualTo(status);
        assertThat(showsStackTrace(content)).as(content).isFalse();
        return JSON.readTree(content);
    }

    /** Whether an answer gives away a stack trace or an exception's name. */
    public static boolean showsStackTrace(String content) {
        return content.contains("at eu.") || content.contains("Exception") || content.contains("\tat ");
    }

    /** The names of the fields a problem document's {@code errors} object complains about. */
    public static List<String> fieldNames(JsonNode errors) {
        List<String> names = new ArrayList<>();
        errors.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
