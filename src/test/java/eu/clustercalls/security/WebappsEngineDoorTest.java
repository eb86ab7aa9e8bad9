package eu.clustercalls.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import eu.clustercalls.Scenario;

/**
 * The attacks through the webapps' engine API, which Tasklist and Cockpit call: signed in once per user on Tasklist's
 * sign-in, then the session cookie and the webapps' CSRF token on every request, as the browser sends them.
 */
class WebappsEngineDoorTest extends EngineDoorAttacks {

    /** A signed-in browser session. */
    private record Session(HttpClient client, String csrfToken) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Override
    String engineApi() {
        return "http://localhost:" + port + "/camunda/api/engine/engine/" + engine.getName();
    }

    @Override
    Answer send(String user, String method, String path, Object body) {
        try {
            Session session = sessions.computeIfAbsent(user, this::signIn);
            HttpRequest request = HttpRequest.newBuilder(URI.create(engineApi() + path))
                    .timeout(Duration.ofSeconds(30)).header("X-XSRF-TOKEN", session.csrfToken())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = session.client().send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As Tasklist's sign-in page does: open the app for a session and its CSRF token, then post the form. */
    private Session signIn(String user) {
        try {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/camunda/app/tasklist/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/camunda/api/admin/auth/user/" + engine.getName() + "/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(Scenario.PASSWORD, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 200) {
                throw new IllegalStateException(user + " could not sign in to Tasklist: " + signedIn.statusCode()
                        + " " + signedIn.body());
            }
            // Signing in starts a new session: its first read hands out the session's new token.
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(engineApi() + "/user/"
                    + URLEncoder.encode(user, StandardCharsets.UTF_8) + "/profile")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (first.statusCode() != 200) {
                throw new IllegalStateException(user + " is not signed in to the webapps' engine API: "
                        + first.statusCode() + " " + first.body());
            }
            return new Session(client, first.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
