package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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
import eu.clustercalls.call.FundingCallProcess;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.security.Door.Answer;

/**
 * The funding call's start form has no task to carry its words, and Tasklist gives a start form no engine data: the
 * start form it fetches through the engine's API comes with its words written in, in the signed-in call manager's
 * cluster language, choices and the "still empty" list included; reading it stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Scenario.class)
class StartFormLanguageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ClusterOrganisationService organisations;

    @Test
    void aCatalanClustersCallManagerGetsTheStartFormInCatalan() throws Exception {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");
        long variablesBefore = runtimeService.createVariableInstanceQuery().count();
        long historyBefore = historyService.createHistoricVariableInstanceQuery().count();

        JsonNode form = startFormReadBy(cluster.manager());

        assertThat(component(form, "field_title").path("label").asText()).isEqualTo("Títol de la convocatòria");
        assertThat(component(form, "text_intro").path("text").asText())
                .isEqualTo("##### Redactar una convocatòria d'ajuts\n\nUn altre gestor de convocatòries revisa la "
                        + "convocatòria abans de publicar-la per als membres.");
        assertThat(component(form, "text_still_empty").path("text").asText())
                .contains("then \"Llindar\" else null", "then \"Títol de la convocatòria\" else null")
                .doesNotContain("labels.");
        JsonNode countries = component(form, "field_destination_country");
        assertThat(countries.has("valuesExpression")).isFalse();
        assertThat(countries.path("values").findValuesAsText("label")).contains("Alemanya", "Canadà", "Regne Unit");
        assertThat(component(form, "field_activity_type").path("values").path(0).path("value").asText())
                .isEqualTo("BUSINESS_MISSION");
        assertThat(form.toString()).as("every word written in").doesNotContain("labels.");
        assertThat(runtimeService.createVariableInstanceQuery().count()).as("a read").isEqualTo(variablesBefore);
        assertThat(historyService.createHistoricVariableInstanceQuery().count()).as("a read").isEqualTo(historyBefore);
    }

    @Test
    void anEnglishClustersCallManagerGetsTheStartFormInEnglish() throws Exception {
        JsonNode form = startFormReadBy(scenario.cluster().manager());

        assertThat(component(form, "field_title").path("label").asText()).isEqualTo("Title of the call");
        assertThat(component(form, "field_destination_country").path("values").findValuesAsText("label"))
                .contains("Germany", "Canada", "United Kingdom");
    }

    private JsonNode startFormReadBy(String user) throws Exception {
        String definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(FundingCallProcess.KEY).latestVersion().singleResult().getId();
        Answer answer = new EngineRestDoor(port, engine.getName())
                .send(user, Scenario.PASSWORD, "GET", "/process-definition/" + definition + "/deployed-start-form",
                        null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static JsonNode component(JsonNode container, String id) {
        for (JsonNode component : container.path("components")) {
            if (component.path("id").asText().equals(id)) {
                return component;
            }
            JsonNode inside = component(component, id);
            if (!inside.isMissingNode()) {
                return inside;
            }
        }
        return JSON.missingNode();
    }
}
