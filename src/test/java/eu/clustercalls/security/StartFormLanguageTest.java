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
 * The funding call's start form has no task to carry its words: the start form's variables, as Tasklist reads them
 * through the engine's API, carry its labels in the signed-in call manager's cluster language, and reading them
 * stores nothing.
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
    void aCatalanClustersCallManagerReadsTheStartFormInCatalan() throws Exception {
        Cluster cluster = scenario.cluster();
        organisations.useStaffLanguage(cluster.id(), "ca");
        long variablesBefore = runtimeService.createVariableInstanceQuery().count();
        long historyBefore = historyService.createHistoricVariableInstanceQuery().count();

        JsonNode labels = labelsReadBy(cluster.manager());

        assertThat(labels.at("/field_title/label").asText()).isEqualTo("Títol de la convocatòria");
        assertThat(labels.at("/text_still_empty/part17").asText()).isEqualTo("Llindar");
        assertThat(labels.at("/field_destination_country/options").findValuesAsText("label"))
                .contains("Alemanya", "Canadà", "Regne Unit");
        assertThat(labels.at("/field_activity_type/options/0/value").asText()).isEqualTo("BUSINESS_MISSION");
        assertThat(runtimeService.createVariableInstanceQuery().count()).as("a read").isEqualTo(variablesBefore);
        assertThat(historyService.createHistoricVariableInstanceQuery().count()).as("a read").isEqualTo(historyBefore);
    }

    @Test
    void anEnglishClustersCallManagerReadsTheStartFormInEnglish() throws Exception {
        JsonNode labels = labelsReadBy(scenario.cluster().manager());

        assertThat(labels.at("/field_title/label").asText()).isEqualTo("Title of the call");
        assertThat(labels.at("/field_destination_country/options").findValuesAsText("label"))
                .contains("Germany", "Canada", "United Kingdom");
    }

    private JsonNode labelsReadBy(String user) throws Exception {
        String definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(FundingCallProcess.KEY).latestVersion().singleResult().getId();
        Answer answer = new EngineRestDoor(port, engine.getName())
                .send(user, Scenario.PASSWORD, "GET", "/process-definition/" + definition + "/form-variables", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode labels = JSON.readTree(answer.body()).path("labels");
        assertThat(labels.path("type").asText()).isEqualTo("Json");
        return JSON.readTree(labels.path("value").asText());
    }
}
