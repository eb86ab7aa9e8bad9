package eu.clustercalls.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The engine REST API, signed in with HTTP Basic on every request as tools and scripts do. */
final class EngineRestDoor extends Door {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String engineApi;

    EngineRestDoor(int port, String engineName) {
        this.engineApi = "http://localhost:" + port + "/engine-rest/engine/" + engineName;
    }

    @Override
    Answer send(String user, String password, String method, String path, Object body) {
        String credentials = Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = Door.exchange(http, HttpRequest.newBuilder(URI.create(engineApi + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json").method(method, Door.json(body)).build());
        return new Answer(response.statusCode(), response.body());
    }

    @Override
    public String toString() {
        return "the engine REST API";
    }
}
