package eu.clustercalls.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * One SME's browser on loopback, without the rendering: its own cookie jar (so its own session), redirects not
 * followed by themselves (the benchmark follows the one a browser would, and sees each status), forms read from the
 * page and sent with every field the browser would send, the session's CSRF token among them.
 */
final class LoadClient {

    /** A request still unanswered after this is an error: the load stays bounded in time. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What came back, and how long it took from sending the request to reading the whole body. */
    record Response(int status, String body, String location, long nanos) {
    }

    private final HttpClient http;
    private final String base;

    LoadClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT).build();
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        return new Response(response.statusCode(), response.body(),
                response.headers().firstValue("Location").orElse(null), nanos);
    }

    /**
     * The form of the page that this CSS selector finds, as the browser sends it: its inputs (hidden ones, the CSRF
     * token among them; checkboxes when ticked, or all of them when the user ticks every box), text areas and
     * selected options. Null when the page has no such form.
     */
    static Map<String, String> form(String page, String selector, boolean tickEveryBox) {
        Element form = Jsoup.parse(page).selectFirst(selector);
        if (form == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            boolean box = input.attr("type").equals("checkbox");
            if (!box || tickEveryBox || input.hasAttr("checked")) {
                fields.put(input.attr("name"), input.val());
            }
        }
        form.select("textarea[name]").forEach(area -> fields.put(area.attr("name"), area.val()));
        for (Element select : form.select("select[name]")) {
            Element chosen = select.selectFirst("option[selected]");
            chosen = chosen != null ? chosen : select.selectFirst("option");
            fields.put(select.attr("name"), chosen == null ? "" : chosen.val());
        }
        return fields;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
