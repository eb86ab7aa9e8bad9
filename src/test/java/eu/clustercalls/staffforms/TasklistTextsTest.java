package eu.clustercalls.staffforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.Scenario;
import eu.clustercalls.Scenario.Cluster;
import eu.clustercalls.organisation.ClusterOrganisationService;

/**
 * The texts Tasklist shows in English only, as the Tasklist script reads them for the person signed in to Tasklist:
 * in her cluster's staff language, keyed by the English text Tasklist shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Scenario.class)
class TasklistTextsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ClusterOrganisationService organisations;
    @Autowired
    ProcessEngine engine;

    @Test
    void aCatalanClustersReviewerGetsTheTextsInCatalan() throws Exception {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");

        JsonNode answer = JSON.readTree(languageOf(signedInToTasklist(cluster.reviewer())).body());

        assertThat(answer.path("language").asText()).isEqualTo("ca");
        JsonNode texts = answer.path("texts");
        assertThat(texts.path("Field is required.").asText()).isEqualTo("Aquest camp és obligatori.");
        assertThat(texts.path("Field must have minimum value of {0}.").asText()).isEqualTo("El valor mínim és {0}.");
        assertThat(texts.path("Field must have minimum length of 1.").asText())
                .isEqualTo("Escriviu almenys un caràcter que no sigui un espai.");
        assertThat(texts.path("An error happened while submitting the task form").asText())
                .isEqualTo("No s’ha pogut enviar el formulari de la tasca");
        assertEveryTextTranslated(texts);
    }

    @Test
    void aSpanishClustersReviewerGetsTheTextsInSpanish() throws Exception {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "es");

        JsonNode answer = JSON.readTree(languageOf(signedInToTasklist(cluster.reviewer())).body());

        assertThat(answer.path("language").asText()).isEqualTo("es");
        JsonNode texts = answer.path("texts");
        assertThat(texts.path("Field is required.").asText()).isEqualTo("Este campo es obligatorio.");
        assertThat(texts.path("Field must have maximum length of {0}.").asText())
                .isEqualTo("Escriba como máximo {0} caracteres.");
        assertThat(texts.path("The process could not be started.").asText())
                .isEqualTo("No se ha podido iniciar el proceso.");
        assertEveryTextTranslated(texts);
    }

    @Test
    void anEnglishClustersManagerGetsTheTextsAsTasklistShowsThem() throws Exception {
        JsonNode answer = JSON.readTree(languageOf(signedInToTasklist(scenario.cluster().manager())).body());

        assertThat(answer.path("language").asText()).isEqualTo("en");
        assertThat(answer.path("texts").properties()).isNotEmpty()
                .allSatisfy(text -> assertThat(text.getValue().asText()).isEqualTo(text.getKey()));
    }

    @Test
    void nobodySignedInIsAskedToSignIn() throws Exception {
        HttpResponse<String> answer = languageOf(HttpClient.newHttpClient());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).startsWith("Please sign in to Tasklist");
    }

    /** Not one text left in English: a text missing in the language would come back in English. */
    private static void assertEveryTextTranslated(JsonNode texts) {
        assertThat(texts.properties()).hasSizeGreaterThan(10).allSatisfy(text -> assertThat(text.getValue().asText())
                .as(text.getKey()).isNotBlank().isNotEqualTo(text.getKey()));
    }

    private HttpResponse<String> languageOf(HttpClient browser) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/staff/language"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser signed in on Tasklist's sign-in page: the app's page for the session and its token, then the form. */
    private HttpClient signedInToTasklist(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/camunda/app/tasklist/")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/admin/auth/user/"
                + engine.getName() + "/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(Scenario.PASSWORD, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        return browser;
    }
}
