package eu.clustercalls.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One of the engine's doors, the engine REST API or the webapps' engine API, as a client signs in and sends. */
abstract class Door {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the door answered. */
    record Answer(int status, String body) {
    }

    /**
     * Sends the request to a path of the test engine's API through this door, signed in as that user; a refused
     * sign-in is the answer.
     */
    abstract Answer send(String user, String password, String method, String path, Object body);

    /** A value sent as an object serialized in JSON, which the engine keeps without deserializing it. */
    record SerializedObject(String json, Class<?> type) {
    }

    /** Form values as the engine's APIs take variables, typed as Tasklist sends them. */
    static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((key, value) -> variables.put(key, value instanceof SerializedObject object
                ? Map.of("value", object.json(), "type", "Object", "valueInfo", Map.of("objectTypeName",
                        object.type().getName(), "serializationDataFormat", "application/json"))
                : Map.of("value", value, "type", typeOf(value))));
        return variables;
    }

    private static String typeOf(Object value) {
        return value instanceof Boolean ? "Boolean" : value instanceof Long || value instanceof Integer ? "Long"
                : value instanceof Number ? "Double" : "String";
    }

    /** The body as JSON, or none. */
    static HttpRequest.BodyPublisher json(Object body) {
        try {
            return body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + body, e);
        }
    }

    /** Sends the request and reads the answer as text. */
    static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
