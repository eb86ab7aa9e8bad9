package eu.clustercalls.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import eu.clustercalls.Scenario;

/** The attacks through the engine REST API, signed in with HTTP Basic as tools and scripts do. */
class EngineRestDoorTest extends EngineDoorAttacks {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    String engineApi() {
        return "http://localhost:" + port + "/engine-rest/engine/" + engine.getName();
    }

    @Override
    Answer send(String user, String method, String path, Object body) {
        try {
            String credentials = Base64.getEncoder()
                    .encodeToString((user + ":" + Scenario.PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(engineApi() + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
