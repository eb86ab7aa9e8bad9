package eu.clustercalls.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Once the application is ready, where its pages are: the last thing a newcomer reads after starting it. */
@Component
class StartupAddresses {

    private static final Logger log = LoggerFactory.getLogger(StartupAddresses.class);

    private final BaseUrl baseUrl;
    private final String webapps;

    StartupAddresses(BaseUrl baseUrl, Environment environment) {
        this.baseUrl = baseUrl;
        this.webapps = environment.getProperty("camunda.bpm.webapp.application-path", "/camunda");
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        log.info(text());
    }

    String text() {
        StringBuilder text = new StringBuilder("\n\nClusterCalls is ready at ").append(baseUrl.get()).append('\n');
        line(text, "SME portal", "/portal");
        line(text, "Call managers' dashboard", "/dashboard");
        line(text, "Tasklist (cluster staff)", webapps + "/app/tasklist/");
        line(text, "Cockpit (monitoring)", webapps + "/app/cockpit/");
        line(text, "Admin (users and groups)", webapps + "/app/admin/");
        line(text, "API (OpenAPI)", "/swagger-ui.html");
        if (!baseUrl.isConfigured()) {
            text.append("Links in mails start with ").append(baseUrl.get()).append(", this node's own address: behind a ")
                    .append("proxy, set clustercalls.base-url (CLUSTERCALLS_BASE_URL) to the address users open.\n");
        }
        return text.toString();
    }

    private void line(StringBuilder text, String what, String path) {
        text.append(String.format("  %-26s %s%n", what, baseUrl.of(path)));
    }
}
