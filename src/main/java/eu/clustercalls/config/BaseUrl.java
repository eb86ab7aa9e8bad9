package eu.clustercalls.config;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address people open the application at, without a trailing slash: links in mails start with it, and the
 * start-up output names the pages with it. It is {@code clustercalls.base-url} when set (behind a proxy: the address
 * users type). Otherwise it is this node's own address, {@code http://localhost}, the port the server listens on
 * and the context path, so that a run on another port ({@code --server.port=18082}) links to itself. Before the
 * server has started (or without one, in tests without a server) the port is the one asked for, 8080 by default.
 */
@Component
public class BaseUrl implements ApplicationListener<WebServerInitializedEvent> {

    private static final int DEFAULT_PORT = 8080;

    private final String configured;
    private final String scheme;
    private final String contextPath;
    private volatile int port;

    public BaseUrl(ClusterCallsProperties properties, Environment environment) {
        this.configured = withoutTrailingSlash(properties.baseUrl());
        this.scheme = environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        this.contextPath = withoutTrailingSlash(environment.getProperty("server.servlet.context-path"));
        int asked = environment.getProperty("server.port", Integer.class, DEFAULT_PORT);
        this.port = asked > 0 ? asked : DEFAULT_PORT;
    }

    /** The server's actual port (server.port=0 picks one); a management server on a port of its own is not ours. */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null && event.getWebServer().getPort() > 0) {
            port = event.getWebServer().getPort();
        }
    }

    /** E.g. {@code http://localhost:8080} or {@code https://calls.example.eu}. */
    public String get() {
        return configured.isEmpty() ? scheme + "://localhost:" + port + contextPath : configured;
    }

    /** The absolute address of a path of the application, e.g. {@code /portal}. */
    public String of(String path) {
        return get() + path;
    }

    /** Whether the address is set (clustercalls.base-url), rather than this node's own. */
    public boolean isConfigured() {
        return !configured.isEmpty();
    }

    private static String withoutTrailingSlash(String value) {
        return value == null ? "" : value.strip().replaceAll("/+$", "");
    }
}
