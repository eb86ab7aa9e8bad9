package eu.clustercalls.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.TasklistFormData;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.application.ApplyCommand;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimInput;
import eu.clustercalls.reimbursement.ClaimSetup;
import eu.clustercalls.reimbursement.ClaimStatus;
import eu.clustercalls.reimbursement.ReimbursementProcess;
import eu.clustercalls.reimbursement.Upload;
import eu.clustercalls.security.FormTexts;
import jakarta.validation.Validator;

/**
 * Whatever the API accepts, a form can show and a person can decide: the longest texts, full of characters that
 * markdown escapes, make the staff's tasks, whose views show them as typed, without a tag or a link.
 */
@ClusterCallsTest
@Import({ClaimFixtures.class, ClaimSetup.class})
class FormViewTest {

    /** Characters the forms' markdown escapes, and addresses it would link. */
    private static final String MARKUP = "R&D <b>*_[]()#| https://evil.example/pay www.evil.example boss@evil.example ";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Validator validator;
    @Autowired
    TaskService taskService;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimSetup claimSetup;
    @Autowired
    ClaimFixtures claimFixtures;
    @Autowired
    ApplicationRepository applications;

    private final FormTexts forms = new FormTexts();

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void theLongestApplicationClarificationsAndCommentsAreShownAndDecided() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster, this::longestCall);
        Company company = scenario.memberCompany(cluster);
        String sme = Scenario.contactOf(company);
        String motivation = fill(ApplyCommand.MOTIVATION_MAX);

        Application application = applyAsTheApiAccepts(call, sme, motivation);
        scenario.runJobs();

        Task review = scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        assertThat(review).as("the review of an application at every maximum length").isNotNull();
        assertShownAsTyped(review, "motivation", motivation);
        assertThat(taskService.getVariableLocal(review.getId(), "applicationReference"))
                .as("the Tasklist filters' column").isEqualTo(application.reference());

        String firstQuestion = fill(2000);
        String firstAnswer = fill(4000);
        askAndAnswer(cluster, application, sme, firstQuestion, firstAnswer);
        String secondQuestion = fill(1999) + "?";
        String secondAnswer = fill(3999) + ".";
        askAndAnswer(cluster, application, sme, secondQuestion, secondAnswer);

        Task lastReview = scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW);
        assertShownAsTyped(lastReview, "lastQuestion", secondQuestion);
        assertShownAsTyped(lastReview, "lastAnswer", secondAnswer);
        assertThat(asShown((String) TasklistFormData.view(taskService, lastReview.getId()).get("earlierClarifications")))
                .as("every earlier round in full").contains(firstQuestion, firstAnswer);
        scenario.confirmEligibility(cluster, application);
        assertThat(applications.findById(application.getId()).orElseThrow().getEligible()).isTrue();

        String comment = fill(4000);
        List<String> evaluators = scenario.evaluatorsOf(application);
        scenario.completeEvaluation(application, evaluators.get(0), withComment(Scenario.scoresForm(10, 10, 2), comment));
        scenario.completeEvaluation(application, evaluators.get(1), withComment(Scenario.scoresForm(5, 5, 4), comment));
        scenario.runJobs();
        Task consensus = scenario.task(application, ApplicationProcess.TASK_CONSENSUS);
        assertThat(consensus).as("the consensus over two comments at their maximum").isNotNull();
        assertThat(asShown((String) TasklistFormData.view(taskService, consensus.getId()).get("evaluationsSummary")))
                .contains(comment);
        assertThat(forms.markupInTasks(taskService, application.getProcessInstanceId())).isEmpty();
        scenario.as(cluster.manager(), () -> taskService.complete(consensus.getId(), Map.of(
                ApplicationProcess.FIELD_FINAL_SCORE, 18L, ApplicationProcess.FIELD_CONSENSUS_REASON, fill(2000))));

        assertThat(applications.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicationStatus.EVALUATED);
    }

    @Test
    void theLongestClaimIsShownVerifiedAndApproved() {
        ClaimSetup.Participant participant = claimSetup.openClaim(new BigDecimal("2000"), this::longestCall);
        Application application = participant.application();
        FundingCall call = participant.call();
        LocalDate day = call.getActivityStart();
        List<ClaimInput.Item> items = IntStream.rangeClosed(1, 100).mapToObj(n -> new ClaimInput.Item(
                ExpenseCategory.TRAVEL, new BigDecimal("10.00"), "EUR", day, fill(500), "receipt-" + n)).toList();
        String missionReport = fill(4000);
        ClaimInput input = new ClaimInput(items, List.of("boarding-pass"), missionReport, call.activityDays(),
                ClaimFixtures.SME_IBAN, fill(70));
        assertThat(validator.validate(input)).as("what the API accepts").isEmpty();
        List<Upload> files = new ArrayList<>();
        for (int n = 1; n <= 100; n++) {
            files.add(new Upload("receipt-" + n, fileName(n), ClaimFixtures.pdf("receipt " + n + " " + Scenario.next())));
        }
        files.add(new Upload("boarding-pass", fileName(0), ClaimFixtures.png("pass " + Scenario.next())));

        claimFixtures.submit(application, input, files);
        scenario.runJobs();

        Task verify = claimFixtures.task(application, ReimbursementProcess.TASK_VERIFY_CLAIM);
        assertThat(verify).as("the verification of a claim at every maximum length").isNotNull();
        assertShownAsTyped(verify, "missionReport", missionReport);
        assertThat(asShown((String) TasklistFormData.view(taskService, verify.getId()).get("itemsText")))
                .as("every item").contains("- Item 100: ", items.get(99).description());
        assertThat(taskService.getVariableLocal(verify.getId(), "callTitle")).as("the Tasklist filters' column, plain")
                .isEqualTo(call.getTitle());
        assertThat(forms.markupInTasks(taskService, verify.getProcessInstanceId())).isEmpty();

        String reason = fill(2000);
        claimFixtures.verify(participant.cluster().verifier(), application, "APPROVE", null, reason);

        Task approve = claimFixtures.task(application, ReimbursementProcess.TASK_APPROVE_PAYMENT);
        assertThat(approve).isNotNull();
        assertThat(asShown((String) TasklistFormData.view(taskService, approve.getId()).get("verification")))
                .endsWith(reason);
        assertThat(forms.markupInTasks(taskService, approve.getProcessInstanceId())).isEmpty();
        claimFixtures.decidePayment(participant.cluster().approver(), application, "APPROVE", null);

        assertThat(claimFixtures.claimOf(application).getStatus()).isIn(ClaimStatus.APPROVED, ClaimStatus.PAID);
    }

    /** The call's title and description at their maximum (the description is a variable of its start form). */
    private void longestCall(Map<String, Object> form) {
        form.put("title", fill(200));
        form.put("description", fill(4000));
    }

    private Application applyAsTheApiAccepts(FundingCall call, String sme, String motivation) throws Exception {
        List<Map<String, String>> participants = IntStream.range(0, ApplyCommand.PARTICIPANTS_MAX)
                .mapToObj(n -> Map.of("fullName", fill(ApplyCommand.PARTICIPANT_TEXT_MAX),
                        "jobTitle", fill(ApplyCommand.PARTICIPANT_TEXT_MAX)))
                .toList();
        Map<String, Object> body = Map.of("motivation", motivation,
                "targetMarkets", fill(ApplyCommand.TARGET_MARKETS_MAX),
                "exportExperience", fill(ApplyCommand.EXPORT_EXPERIENCE_MAX),
                "requestedAmount", new BigDecimal("1500.00"),
                "participants", participants,
                "declarations", Map.of("smeStatus", true, "deMinimis", true, "noDoubleFunding", true,
                        "dataProtection", true));
        String created = mvc.perform(post("/api/calls/{id}/applications", call.getId())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))
                        .with(Scenario.signedIn(sme)))
                .andReturn().getResponse().getContentAsString();
        return applications.findById(json.readTree(created).path("id").asLong()).orElseThrow(
                () -> new AssertionError("The application was not accepted: " + created));
    }

    /** The reviewer asks in Tasklist, the SME answers through the API; the review is open again. */
    private void askAndAnswer(Scenario.Cluster cluster, Application application, String sme, String question,
            String answer) throws Exception {
        scenario.askForClarification(cluster, application, question);
        Task clarification = scenario.task(application, ApplicationProcess.TASK_ANSWER_CLARIFICATION);
        assertShownAsTyped(clarification, "clarificationQuestionText", question);

        int status = mvc.perform(post("/api/applications/{id}/clarification-answer", application.getId())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("answer", answer)))
                        .with(Scenario.signedIn(sme)))
                .andReturn().getResponse().getStatus();

        assertThat(status).as("the answer at its maximum").isEqualTo(200);
        assertThat(scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW)).isNotNull();
    }

    private void assertShownAsTyped(Task task, String text, String typed) {
        assertThat(task).as("task showing " + text).isNotNull();
        Object shown = TasklistFormData.view(taskService, task.getId()).get(text);
        assertThat(asShown((String) shown)).as(text).isEqualTo(typed);
        assertThat(FormTexts.markup((String) shown)).as("markup in " + text).isEmpty();
    }

    private static Map<String, Object> withComment(Map<String, Object> form, String comment) {
        form.put(ApplicationProcess.FIELD_EVALUATION_COMMENT, comment);
        return form;
    }

    /** That many characters of {@link #MARKUP}, ending in a letter (the services strip the ends). */
    private static String fill(int length) {
        return (MARKUP.repeat(length / MARKUP.length() + 1).substring(0, length - 1) + "x");
    }

    /** A file name of 200 characters full of markup (a name cannot hold a slash: it would be a path). */
    private static String fileName(int n) {
        return (n + " " + fill(200)).replace('/', '-').substring(0, 196) + ".pdf";
    }

    /** Markdown text as form-js shows it: a backslash before a punctuation character shows that character. */
    private static String asShown(String markdown) {
        return markdown.replaceAll("\\\\(\\p{Punct})", "$1");
    }
}
