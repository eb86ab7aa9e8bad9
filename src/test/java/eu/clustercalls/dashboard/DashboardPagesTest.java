package eu.clustercalls.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.security.Roles;

@ClusterCallsTest
@Import({ClaimFixtures.class, DashboardScenario.class})
class DashboardPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DashboardScenario scenario;
    @Autowired
    HistoryService historyService;

    private static RequestPostProcessor manager(String name) {
        return user(name).authorities(new SimpleGrantedAuthority(Roles.CALL_MANAGERS));
    }

    private Document page(String url, RequestPostProcessor who, String language) throws Exception {
        MvcResult result = mvc.perform(get(url).param("lang", language).with(who)).andExpect(status().isOk()).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("??");
        return Jsoup.parse(body);
    }

    @Test
    void theManagersIndexLinksToTheCallsOfTheirCluster() throws Exception {
        DashboardScenario.Built built = scenario.call();

        Document index = page("/dashboard", manager(built.cluster().manager()), "en");

        assertThat(index.getElementById("call-" + built.call().getId()).attr("href"))
                .isEqualTo("/dashboard/calls/" + built.call().getId());
        assertThat(index.select("#calls li")).hasSize(1);
        assertThat(index.select("#calls .count").text()).isEqualTo("6");
        assertThat(index.getElementById("memberships-link").attr("href")).isEqualTo("/dashboard/memberships");
    }

    @Test
    void theCallsPageShowsTheFunnelTheBudgetAndTheApplicationsWithTheirCockpitLinks() throws Exception {
        DashboardScenario.Built built = scenario.call();

        Document call = page("/dashboard/calls/" + built.call().getId(), manager(built.cluster().manager()), "en");

        assertThat(call.select("#funnel tr[data-stage]")).extracting(row -> row.attr("data-stage") + "="
                + row.selectFirst(".count").text()).containsExactly("submitted=6", "eligible=5", "evaluated=5",
                "selected=4", "confirmed=2", "claimed=2", "paid=1");
        assertThat(call.select("#budget tr[data-figure]")).extracting(row -> row.attr("data-figure") + "="
                + row.selectFirst("td.amount").text()).containsExactly("requested=€7,900.00",
                "committed=€3,500.00", "paid=€1,250.00", "remaining=€2,500.00", "awaiting=€1,000.00");
        assertThat(call.getElementById("funnel-chart").attr("role")).isEqualTo("img");
        assertThat(call.getElementById("funnel-chart").attr("aria-label"))
                .contains("Submitted 6", "Confirmed 2", "Paid 1");
        assertThat(call.select("#funnel-chart title").text()).contains("Submitted 6");
        assertThat(call.select("#funnel-chart rect")).hasSize(7);
        assertThat(call.getElementById("budget-chart").attr("aria-label")).contains("Remaining €2,500.00");
        assertThat(call.select("#applications tbody tr")).hasSize(6);
        assertThat(call.select("#applications a.cockpit-link").first().attr("href"))
                .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + built.paid().getProcessInstanceId());
        assertThat(call.select("#applications tbody tr").first().text()).contains(DashboardScenario.QUOTED_NAME);
        assertThat(call.getElementById("call-cockpit-link").attr("href"))
                .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + built.call().getProcessInstanceId());
        assertThat(call.select("#engine-counts tr[data-activity=task_verify_claim] .count").text()).isEqualTo("1");
    }

    @Test
    void eachApplicationLinksToItsEligibilityDecisionInCockpitWhichNamesTheApplication() throws Exception {
        DashboardScenario.Built built = scenario.call();
        Document call = page("/dashboard/calls/" + built.call().getId(), manager(built.cluster().manager()), "en");
        String link = call.select("#applications tr[data-application=" + built.paid().reference() + "] a.decision-link")
                .attr("href");

        String cockpit = mvc.perform(get(link).with(manager(built.cluster().manager())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(cockpit).startsWith(EligibilityDecisions.COCKPIT_DECISION_INSTANCE);
        HistoricDecisionInstance decision = historyService.createHistoricDecisionInstanceQuery()
                .decisionInstanceId(cockpit.substring(EligibilityDecisions.COCKPIT_DECISION_INSTANCE.length()))
                .includeInputs().singleResult();
        assertThat(decision.getInputs()).filteredOn(input -> "Application".equals(input.getClauseName()))
                .extracting(HistoricDecisionInputInstance::getValue).containsExactly(built.paid().reference());
        mvc.perform(get(link).with(manager(scenario.otherClustersManager()))).andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "ca"})
    void theDashboardSpeaksSpanishAndCatalan(String language) throws Exception {
        DashboardScenario.Built built = scenario.call();

        Document index = page("/dashboard", manager(built.cluster().manager()), language);
        Document call = page("/dashboard/calls/" + built.call().getId(), manager(built.cluster().manager()), language);

        assertThat(index.select("html").attr("lang")).isEqualTo(language);
        assertThat(call.select("#funnel th[scope=row]").first().text())
                .isEqualTo(language.equals("es") ? "Presentadas" : "Presentades");
        assertThat(call.select("#budget tr[data-figure=requested] td.amount").text()).contains("7.900,00");
    }

    @Test
    void theCsvHasARowPerApplicationWithQuotedAndDefusedCells() throws Exception {
        DashboardScenario.Built built = scenario.call();

        MvcResult result = mvc.perform(get("/dashboard/calls/" + built.call().getId() + "/applications.csv")
                .with(manager(built.cluster().manager()))).andExpect(status().isOk()).andReturn();

        assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"applications-" + built.call().reference() + ".csv\"");
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFFreference,company,vat_number,country,sme_size,submitted_at,status,");
        List<String> lines = List.of(body.split("\r\n"));
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).startsWith(built.paid().reference() + ",\"Teixits \"\"La Fàbrica\"\", SL\",ES")
                .contains(",REIMBURSED,", ",2000.00,2000.00,", ",1250.00,")
                .matches(".*,\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[12]:00,.*");
        assertThat(lines.get(5)).startsWith(built.weak().reference()
                + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\") SL\",");
        assertThat(lines.get(6)).contains(",INELIGIBLE,no,");
    }

    @Test
    void anotherClustersManagerGetsNotFoundAndNoneOfTheCallsData() throws Exception {
        DashboardScenario.Built built = scenario.call();
        String other = scenario.otherClustersManager();

        for (String url : List.of("/dashboard/calls/" + built.call().getId(),
                "/dashboard/calls/" + built.call().getId() + "/applications.csv",
                "/dashboard/calls/" + built.call().getId() + "/applications.xlsx",
                "/dashboard/calls/" + built.call().getId() + "/audit-pack.zip")) {
            String body = mvc.perform(get(url).with(manager(other))).andExpect(status().isNotFound()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).doesNotContain(built.call().getTitle(), DashboardScenario.QUOTED_NAME, "La F",
                    built.paid().reference());
        }
        Document index = page("/dashboard", manager(other), "en");
        assertThat(index.getElementById("call-" + built.call().getId())).isNull();
    }

    @Test
    void anSmeUserMayNotOpenTheDashboard() throws Exception {
        DashboardScenario.Built built = scenario.call();
        RequestPostProcessor sme = user("sme-dashboard").authorities(new SimpleGrantedAuthority(Roles.SME));

        mvc.perform(get("/dashboard").with(sme)).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/calls/" + built.call().getId()).with(sme)).andExpect(status().isForbidden());
        for (String file : List.of("applications.csv", "applications.xlsx", "audit-pack.zip")) {
            mvc.perform(get("/dashboard/calls/" + built.call().getId() + "/" + file).with(sme))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void anAdministratorSeesEveryCall() throws Exception {
        DashboardScenario.Built built = scenario.call();
        RequestPostProcessor admin = user(scenario.admin()).authorities(new SimpleGrantedAuthority(Roles.ADMIN));

        assertThat(page("/dashboard", admin, "en").getElementById("call-" + built.call().getId())).isNotNull();
        assertThat(page("/dashboard/calls/" + built.call().getId(), admin, "en")
                .select("#funnel tr[data-stage=submitted] .count").text()).isEqualTo("6");
    }
}
