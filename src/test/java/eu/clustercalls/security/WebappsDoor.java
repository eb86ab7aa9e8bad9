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

/**
 * The webapps' engine API, which Tasklist and Cockpit call: signed in once per user on Tasklist's sign-in, then the
 * session cookie and the webapps' CSRF token on every request, as the browser sends them.
 */
final class WebappsDoor extends Door {

    /** A signed-in browser session. */
    private record Session(HttpClient client, String csrfToken) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final String root;
    private final String engineName;
    private final String engineApi;

    WebappsDoor(int port, String engineName) {
        this.root = "http://localhost:" + port;
        this.engineName = engineName;
        this.engineApi = root + "/camunda/api/engine/engine/" + engineName;
    }

    @Override
    Answer send(String user, String password, String method, String path, Object body) {
        Session session = sessions.get(user);
        if (session == null) {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> refused = signIn(client, user, password);
            if (refused != null) {
                return new Answer(refused.statusCode(), refused.body());
            }
            session = signedIn(client, user);
            sessions.put(user, session);
        }
        HttpResponse<String> response = Door.exchange(session.client(), HttpRequest.newBuilder(
                URI.create(engineApi + path)).timeout(Duration.ofSeconds(30))
                .header("X-XSRF-TOKEN", session.csrfToken()).header("Content-Type", "application/json")
                .header("Accept", "application/json").method(method, Door.json(body)).build());
        return new Answer(response.statusCode(), response.body());
    }

    /** As Tasklist's sign-in page does: open the app for a session and its CSRF token, then post the form; the refusal, if any. */
    private HttpResponse<String> signIn(HttpClient client, String user, String password) {
        HttpResponse<String> page = Door.exchange(client,
                HttpRequest.newBuilder(URI.create(root + "/camunda/app/tasklist/")).build());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> signedIn = Door.exchange(client, HttpRequest.newBuilder(URI.create(root
                + "/camunda/api/admin/auth/user/" + engineName + "/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build());
        return signedIn.statusCode() == 200 ? null : signedIn;
    }

    /** Signing in starts a new session: its first read hands out the session's new token. */
    private Session signedIn(HttpClient client, String user) {
        HttpResponse<String> first = Door.exchange(client, HttpRequest.newBuilder(URI.create(engineApi + "/user/"
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "/profile")).build());
        if (first.statusCode() != 200) {
            throw new IllegalStateException(user + " is not signed in to the webapps' engine API: "
                    + first.statusCode() + " " + first.body());
        }
        return new Session(client, first.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
    }

    @Override
    public String toString() {
        return "the webapps' engine API";
    }
}
