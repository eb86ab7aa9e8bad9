package eu.clustercalls.application;

import static eu.clustercalls.ProcessAssertions.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.TasklistFormData;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.document.DocumentSummary;
import eu.clustercalls.document.SentFile;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.support.Erasure;
import eu.clustercalls.selection.Withdrawals;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.StaffWordsForTests;

/**
 * The SME's answer to a clarification request can carry files, checked like a claim's receipts; they are kept with
 * the answered request, linked in the reviewer's next "Review eligibility" and listed on the SME's application page.
 * A bad file refuses the whole answer next to the file field, and nothing is written.
 */
@ClusterCallsTest
@ExtendWith(ProcessAssertions.class)
class ClarificationFilesTest {

    @Autowired
    Scenario scenario;
    @Autowired
    ApplicationService applications;
    @Autowired
    EligibilityService eligibility;
    @Autowired
    TaskService taskService;
    @Autowired
    MockMvc mvc;
    @Autowired
    Withdrawals withdrawals;
    @Autowired
    TransactionTemplate transactions;

    Scenario.Cluster cluster;
    Application application;
    String sme;

    @BeforeEach
    void anApplicationWithAnOpenClarificationRequest() {
        cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        application = scenario.apply(call, scenario.memberCompany(cluster), new BigDecimal("1500"));
        scenario.askForClarification(cluster, application, "Please send your latest export figures.");
        sme = scenario.applicantOf(application);
    }

    @Test
    void theFilesOfTheAnswerAreKeptAndLinkedInTheReviewersForm() {
        Scenario.asPortalUser(sme, () -> applications.answerClarification(sme, application.getId(),
                "Attached: our 2025 export figures.", List.of(new SentFile("exports-2025.pdf", ClaimFixtures.pdf("a")),
                        new SentFile("stand.png", ClaimFixtures.png("b")))));

        List<DocumentSummary> files = eligibility.clarificationFilesOf(application.getId());
        assertThat(files).extracting(DocumentSummary::getFileName).containsExactly("exports-2025.pdf", "stand.png");
        String review = scenario.task(application, ApplicationProcess.TASK_ELIGIBILITY_REVIEW).getId();
        assertThat((String) TasklistFormData.view(taskService, review).get("lastAnswer"))
                .contains("Attached: our 2025 export figures.")
                .contains("[exports-2025.pdf](/staff/applications/" + application.getId() + "/clarification-files/"
                        + files.get(0).getId() + ") — sent with the answer, PDF")
                .contains("[stand.png](/staff/applications/" + application.getId() + "/clarification-files/"
                        + files.get(1).getId() + ") — sent with the answer, PNG");
    }

    @Test
    void anonymisingTheCompanyDeletesTheFilesOfItsAnswers() {
        Scenario.asPortalUser(sme, () -> applications.answerClarification(sme, application.getId(), "Attached.",
                List.of(new SentFile("passport-marta-puig.pdf", ClaimFixtures.pdf("e")))));
        Scenario.asPortalUser(sme, () -> withdrawals.withdraw(sme, application.getId(), null));
        assertThat(eligibility.clarificationFilesOf(application.getId())).hasSize(1);

        transactions.executeWithoutResult(status -> applications.anonymiseApplicationsOf(application.getCompanyId(),
                new Erasure(Map.of(sme, "person-1"), Map.of())));

        assertThat(eligibility.clarificationFilesOf(application.getId())).isEmpty();
    }

    @Test
    void aFileThatIsNoPdfJpegOrPngRefusesTheWholeAnswerAndNothingIsWritten() {
        Throwable refused = refusal(() -> Scenario.asPortalUser(sme, () -> applications.answerClarification(sme,
                application.getId(), "See the attachment.", List.of(new SentFile("ok.pdf", ClaimFixtures.pdf("c")),
                        new SentFile("figures.xlsx", "PK not a receipt".getBytes(StandardCharsets.US_ASCII))))));

        assertThat(refused).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refused).fieldErrors()).containsOnlyKeys(ApplicationService.FIELD_CLARIFICATION_FILES)
                .hasEntrySatisfying(ApplicationService.FIELD_CLARIFICATION_FILES,
                        message -> assertThat(StaffWordsForTests.in("en").phrase(message))
                                .contains("figures.xlsx is not a PDF, JPEG or PNG file"));
        assertThat(eligibility.clarificationFilesOf(application.getId())).isEmpty();
        assertThat(scenario.task(application, ApplicationProcess.TASK_ANSWER_CLARIFICATION)).as("still open").isNotNull();
        assertThat(eligibility.clarificationsOf(application.getId())).singleElement()
                .satisfies(request -> assertThat(request.getAnswer()).isNull());
    }

    @Test
    void thePortalFormSaysABadFileNextToItsFieldAndTheReviewerOfTheClusterAloneOpensAGoodOne() throws Exception {
        MvcResult bad = mvc.perform(multipart("/portal/applications/" + application.getId() + "/clarification")
                .file(new MockMultipartFile("files", "notes.txt", "application/pdf", "plain text".getBytes()))
                .param("answer", "Our figures are attached.").param("lang", "es")
                .with(user(sme).authorities(new SimpleGrantedAuthority("sme"))).with(csrf())).andReturn();
        String page = bad.getResponse().getContentAsString();
        assertThat(bad.getResponse().getStatus()).as(page).isEqualTo(400);
        assertThat(page).contains("id=\"files-" + application.getId() + "-error\"").contains("notes.txt")
                .contains("Our figures are attached.");
        assertThat(eligibility.clarificationFilesOf(application.getId())).isEmpty();

        MvcResult good = mvc.perform(multipart("/portal/applications/" + application.getId() + "/clarification")
                .file(new MockMultipartFile("files", "figures.pdf", "application/pdf", ClaimFixtures.pdf("d")))
                .param("answer", "Our figures are attached.")
                .with(user(sme).authorities(new SimpleGrantedAuthority("sme"))).with(csrf())).andReturn();
        assertThat(good.getResponse().getStatus()).as(good.getResponse().getContentAsString()).isEqualTo(302);
        Long file = eligibility.clarificationFilesOf(application.getId()).get(0).getId();
        String path = "/staff/applications/" + application.getId() + "/clarification-files/" + file;

        assertThat(mvc.perform(get(path).with(user(cluster.reviewer()))).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(ClaimFixtures.pdf("d"));
        Scenario.Cluster other = scenario.cluster();
        assertThat(mvc.perform(get(path).with(user(other.reviewer()))).andReturn().getResponse().getStatus())
                .as("another cluster's reviewer").isEqualTo(404);
        assertThat(mvc.perform(get("/portal/applications/" + application.getId()).with(user(sme)
                .authorities(new SimpleGrantedAuthority("sme")))).andReturn().getResponse().getContentAsString())
                .contains("/portal/applications/" + application.getId() + "/clarification-files/" + file + "\"")
                .contains("figures.pdf");
    }
}
