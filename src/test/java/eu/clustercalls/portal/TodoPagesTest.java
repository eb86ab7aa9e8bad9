package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.application.EligibilityService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.security.Roles;

/**
 * The SME's "To do": a clarification request and a place to confirm appear while they wait for the SME, and are
 * answered there; a refused answer changes nothing, and nobody else's application can be touched.
 */
@ClusterCallsTest
@ExtendWith(ProcessAssertions.class)
class TodoPagesTest {

    static final String QUESTION = "Please send the number of staff you had on the closing date.";

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    EligibilityService eligibility;

    Scenario.Cluster cluster;
    FundingCall call;

    @BeforeEach
    void aPublishedCall() {
        cluster = scenario.cluster();
        call = scenario.publishedCall(cluster);
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username) {
        return request.with(user(username).authorities(new SimpleGrantedAuthority(Roles.SME)));
    }

    private String todoPage(String username, String lang) throws Exception {
        MvcResult result = mvc.perform(as(get("/portal/todo").param("lang", lang), username)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private String todoPage(String username) throws Exception {
        return todoPage(username, "en");
    }

    private Application withQuestion() {
        Application application = scenario.apply(call, scenario.memberCompany(cluster), new BigDecimal("1500"));
        scenario.askForClarification(cluster, application, QUESTION);
        return application;
    }

    private ApplicationStatus statusOf(Application application) {
        return applications.findById(application.getId()).orElseThrow().getStatus();
    }

    private MvcResult answer(Application application, String username, String answer) throws Exception {
        return mvc.perform(as(post("/portal/applications/" + application.getId() + "/clarification")
                .param("answer", answer), username).with(csrf())).andReturn();
    }

    // --- clarification ---

    @Test
    void anOpenClarificationRequestIsListedWithItsQuestionAndDeadline() throws Exception {
        Application application = withQuestion();

        String page = todoPage(scenario.applicantOf(application));

        assertThat(page).contains(QUESTION, "id=\"answer-" + application.getId() + "\"",
                "id=\"answer-clarification-" + application.getId() + "\"", "in 10 days");
        assertThat(page).doesNotContain("id=\"nothing-to-do\"");
    }

    @Test
    void anApplicationUnderReviewHasNothingToDo() throws Exception {
        Application application = scenario.apply(call, scenario.memberCompany(cluster), new BigDecimal("1500"));

        String page = todoPage(scenario.applicantOf(application));

        assertThat(page).contains("id=\"nothing-to-do\"").doesNotContain("answer-clarification-");
    }

    @Test
    void answeringTheClarificationSendsItToTheReviewerAndTheToDoIsGone() throws Exception {
        Application application = withQuestion();
        String applicant = scenario.applicantOf(application);

        MvcResult result = answer(application, applicant, "We had 8 employees on that date.");

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/portal/todo?done=clarification");
        assertThat(eligibility.clarificationsOf(application.getId()).get(0).getAnswer())
                .isEqualTo("We had 8 employees on that date.");
        assertThat(statusOf(application)).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW)).isNotNull();
        String page = mvc.perform(as(get("/portal/todo").param("done", "clarification"), applicant))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Thank you: your answer was sent", "id=\"nothing-to-do\"").doesNotContain(QUESTION);
    }

    @Test
    void aBlankAnswerShowsTheErrorNextToTheFieldAndSavesNothing() throws Exception {
        Application application = withQuestion();

        MvcResult result = answer(application, scenario.applicantOf(application), "   ");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String page = result.getResponse().getContentAsString();
        String field = "answer-" + application.getId();
        assertThat(page).contains("id=\"" + field + "-error\"", "Please write your answer.",
                "aria-describedby=\"" + field + "-error\"", "aria-invalid=\"true\"", "href=\"#" + field + "\"");
        assertThat(statusOf(application)).isEqualTo(ApplicationStatus.CLARIFICATION_REQUESTED);
        assertThat(eligibility.clarificationsOf(application.getId()).get(0).getAnswer()).isNull();
    }

    @Test
    void anAnswerOverTheLimitIsRefusedAndKeptInTheField() throws Exception {
        Application application = withQuestion();
        String tooLong = "x".repeat(TodoPages.MAX_ANSWER + 1);

        MvcResult result = answer(application, scenario.applicantOf(application), tooLong);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("under 4,000 characters", tooLong);
        assertThat(statusOf(application)).isEqualTo(ApplicationStatus.CLARIFICATION_REQUESTED);
    }

    @Test
    void anAnswerWithoutTheCsrfTokenIsRefused() throws Exception {
        Application application = withQuestion();

        int status = mvc.perform(as(post("/portal/applications/" + application.getId() + "/clarification")
                .param("answer", "Eight."), scenario.applicantOf(application))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
        assertThat(statusOf(application)).isEqualTo(ApplicationStatus.CLARIFICATION_REQUESTED);
    }

    @Test
    void anotherCompanysUserCannotSeeNorAnswerTheQuestion() throws Exception {
        Application application = withQuestion();
        String stranger = Scenario.contactOf(scenario.memberCompany(cluster));

        assertThat(todoPage(stranger)).doesNotContain(QUESTION).contains("id=\"nothing-to-do\"");
        MvcResult result = answer(application, stranger, "Nobody works here.");

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentAsString()).doesNotContain(QUESTION);
        assertThat(statusOf(application)).isEqualTo(ApplicationStatus.CLARIFICATION_REQUESTED);
        assertThat(eligibility.clarificationsOf(application.getId()).get(0).getAnswer()).isNull();
    }

    @Test
    void thePageRendersInSpanishAndCatalan() throws Exception {
        Application application = withQuestion();
        String applicant = scenario.applicantOf(application);

        assertThat(todoPage(applicant, "es")).contains("Pregunta sobre su solicitud", "dentro de 10 días")
                .doesNotContain("??");
        assertThat(todoPage(applicant, "ca")).contains("Pregunta sobre la vostra sol·licitud", "d’aquí a 10 dies")
                .doesNotContain("??");
    }

    // --- participation ---

    /** A one-slot call: this application is selected and waits for its company's confirmation. */
    private Application selected() throws Exception {
        FundingCall oneSlot = scenario.publishedCall(cluster, form -> form.put("slots", 1L));
        Application application = scenario.evaluatedApplication(cluster, oneSlot, new BigDecimal("1800"), 20, 20);
        assertThat(todoPage(scenario.applicantOf(application))).as("not selected yet").contains("id=\"nothing-to-do\"");
        scenario.closeEarly(cluster, oneSlot);
        scenario.approveSelection(cluster, oneSlot);
        assertThat(statusOf(application)).isEqualTo(ApplicationStatus.SELECTED);
        return application;
    }

    private MvcResult participation(Application application, String username, String confirm, String reason)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/portal/applications/" + application.getId() + "/participation")
                .param("confirm", confirm).param("reason", reason);
        return mvc.perform(as(request, username).with(csrf())).andReturn();
    }

    @Test
    void aSelectedApplicationAsksForConfirmationAndConfirmingTakesThePlace() throws Exception {
        Application application = selected();
        String applicant = scenario.applicantOf(application);
        String page = todoPage(applicant);
        assertThat(page).contains("Confirm your participation", "id=\"confirm-participation-" + application.getId() + "\"",
                "id=\"decline-participation-" + application.getId() + "\"", "Decline and free the place", "in 7 days");

        MvcResult result = participation(application, applicant, "true", "");

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/portal/todo?done=confirmed");
        assertThat(statusOf(application)).isEqualTo(ApplicationStatus.CONFIRMED);
        assertThat(todoPage(applicant)).contains("id=\"nothing-to-do\"")
                .doesNotContain("confirm-participation-" + application.getId());
    }

    @Test
    void decliningWithAReasonFreesThePlace() throws Exception {
        Application application = selected();

        MvcResult result = participation(application, scenario.applicantOf(application), "false",
                "Our export manager is ill.");

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/portal/todo?done=declined");
        assertThat(statusOf(application)).isEqualTo(ApplicationStatus.DECLINED);
    }

    @Test
    void aReasonOverTheLimitIsRefusedNextToItsField() throws Exception {
        Application application = selected();

        MvcResult result = participation(application, scenario.applicantOf(application), "true",
                "x".repeat(TodoPages.MAX_REASON + 1));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains(
                "id=\"reason-" + application.getId() + "-error\"", "at most 2,000 characters");
        assertThat(statusOf(application)).isEqualTo(ApplicationStatus.SELECTED);
    }

    @Test
    void anotherCompanysUserCannotConfirmThePlace() throws Exception {
        Application application = selected();
        String stranger = Scenario.contactOf(scenario.memberCompany(cluster));

        MvcResult result = participation(application, stranger, "false", "");

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(statusOf(application)).isEqualTo(ApplicationStatus.SELECTED);
    }

    @Test
    void aConfirmationWithoutTheCsrfTokenIsRefused() throws Exception {
        Application application = selected();

        int status = mvc.perform(as(post("/portal/applications/" + application.getId() + "/participation")
                .param("confirm", "true"), scenario.applicantOf(application))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
        assertThat(statusOf(application)).isEqualTo(ApplicationStatus.SELECTED);
    }
}
