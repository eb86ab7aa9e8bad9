package eu.clustercalls.privacy;

import static eu.clustercalls.ApiResponses.body;
import static eu.clustercalls.ApiResponses.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.ProcessAssertions;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ClarificationRequest;
import eu.clustercalls.application.EligibilityService;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.AidRecord;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.payment.Payment;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.reimbursement.ExpenseItem;
import eu.clustercalls.security.Roles;
import eu.clustercalls.support.Erasure;
import eu.clustercalls.support.Formats;

/**
 * A company's personal data: its export for its own users and the administrators, and its anonymisation on request
 * once the retention period of its records is over, which keeps payments, aid records and the audit trail.
 */
@ClusterCallsTest
@Import(ClaimFixtures.class)
@ExtendWith(ProcessAssertions.class)
class PersonalDataTest {

    private static final BigDecimal GRANT = new BigDecimal("2000");
    private static final String ANSWER = "Heimtextil 2025, with our export manager Marta Puig.";

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    CompanyService companies;
    @Autowired
    ApplicationService applications;
    @Autowired
    EligibilityService eligibility;
    @Autowired
    ClaimService claims;
    @Autowired
    DocumentService documents;
    @Autowired
    PaymentService payments;
    @Autowired
    AuditService audit;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    IdentityService identityService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ClusterCallsProperties properties;
    @Autowired
    CompanyAnonymisation anonymisation;
    @Autowired
    PlatformTransactionManager transactionManager;

    Scenario.Cluster cluster;
    /** Applied, answered a clarification request, was selected, claimed and was paid. */
    Company paid;
    Application application;
    String contact;
    /** Another company that applied to the same call. */
    Company other;
    Application otherApplication;
    String admin;

    @BeforeEach
    void aPaidCompanyAndAnotherApplicantOfTheSameCall() {
        cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        paid = scenario.memberCompany(cluster);
        contact = Scenario.contactOf(paid);
        application = scenario.apply(call, paid, GRANT);
        scenario.askForClarification(cluster, application, "Which trade fairs did " + paid.getLegalName() + " attend?");
        scenario.answerClarification(application, ANSWER);
        scenario.confirmEligibility(cluster, application);
        scenario.evaluateWithTotals(application, 20, 20);
        otherApplication = scenario.evaluatedApplication(cluster, call, GRANT, 18, 18);
        other = companies.get(otherApplication.getCompanyId());
        scenario.closeEarly(cluster, call);
        scenario.approveSelection(cluster, call);
        scenario.answerParticipation(application, true, null);
        scenario.runJobsOf(application.getProcessInstanceId());
        scenario.activityOver(call, application);
        LocalDate start = call.getActivityStart();
        fixtures.submit(application, ClaimFixtures.input(3,
                ClaimFixtures.item(ExpenseCategory.TRAVEL, "980.00", "USD", start.minusDays(1), "flight"),
                ClaimFixtures.item(ExpenseCategory.ACCOMMODATION, "450.00", "EUR", start, "hotel")));
        fixtures.verify(cluster.verifier(), application, "APPROVE", null, null);
        fixtures.decidePayment(cluster.approver(), application, "APPROVE", null);
        scenario.runJobsOf(claim().getProcessInstanceId(), application.getProcessInstanceId());
        admin = scenario.user("admin-" + Scenario.next(), Roles.ADMIN);
    }

    private ExpenseClaim claim() {
        return claims.claimOfApplication(application.getId()).orElseThrow();
    }

    private Payment payment() {
        return payments.ofClaim(claim().getId()).orElseThrow();
    }

    private JsonNode export(Company company, String user, int status) throws Exception {
        return body(mvc.perform(get("/api/companies/{id}/personal-data", company.getId())
                .with(httpBasic(user, Scenario.PASSWORD))).andReturn(), status);
    }

    private JsonNode anonymise(Company company, String user, String requestBody, int status) throws Exception {
        return body(mvc.perform(post("/api/companies/{id}/anonymisation", company.getId())
                .with(httpBasic(user, Scenario.PASSWORD)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(requestBody)).andReturn(), status);
    }

    private static final String ON_REQUEST = "{\"reason\": \"Written request of the company of 3 March, ref. DP-17\"}";

    /** The export without the moment it was made, to compare two exports. */
    private JsonNode stored(Company company) throws Exception {
        ObjectNode export = (ObjectNode) export(company, admin, 200);
        export.remove("exportedAt");
        return export;
    }

    /** Moves the engine's clock to 09:00 on that day. */
    private void on(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(scenario.zone()).toInstant()));
    }

    private static List<String> texts(JsonNode nodes, String field) {
        List<String> values = new ArrayList<>();
        nodes.forEach(node -> values.add(node.path(field).asText(null)));
        return values;
    }

    // --- export ---

    @Test
    void theCompanysUserExportsEverythingKeptAboutItAndNothingOfAnotherCompany() throws Exception {
        JsonNode export = export(paid, contact, 200);

        JsonNode company = export.get("company");
        assertThat(company.get("legalName").asText()).isEqualTo(paid.getLegalName());
        assertThat(company.get("vatNumber").asText()).isEqualTo(paid.getVatNumber());
        assertThat(company.get("city").asText()).isEqualTo("Terrassa");
        assertThat(export.get("contactUsers")).singleElement().satisfies(user -> {
            assertThat(user.get("userId").asText()).isEqualTo(contact);
            assertThat(user.get("email").asText()).isEqualTo(contact + "@test.clustercalls.eu");
            assertThat(user.get("firstName").asText()).isEqualTo(contact);
        });
        assertThat(export.get("memberships")).singleElement().satisfies(membership -> {
            assertThat(membership.get("clusterId").asText()).isEqualTo(cluster.id());
            assertThat(membership.get("clusterName").asText()).isEqualTo(cluster.name());
        });

        JsonNode applied = export.get("applications").get(0);
        assertThat(export.get("applications")).hasSize(1);
        assertThat(applied.get("reference").asText()).isEqualTo(application.reference());
        assertThat(applied.get("submittedBy").asText()).isEqualTo(contact);
        assertThat(applied.get("motivation").asText()).isEqualTo(application.getMotivation());
        assertThat(applied.get("participants").get(0).get("fullName").asText()).isEqualTo("Marta Puig");
        assertThat(applied.get("declarations").get("dataProtection").asBoolean()).isTrue();
        assertThat(applied.get("clarifications")).singleElement().satisfies(round -> {
            assertThat(round.get("answer").asText()).isEqualTo(ANSWER);
            assertThat(round.get("answeredBy").asText()).isEqualTo(contact);
        });
        JsonNode claimed = applied.get("expenseClaim");
        assertThat(claimed.get("submittedBy").asText()).isEqualTo(contact);
        assertThat(texts(claimed.get("claim").get("items"), "description"))
                .containsExactly("Travel expense", "Accommodation expense");
        assertThat(claimed.get("claim").get("missionReport").asText()).startsWith("Met four buyers");
        assertThat(texts(claimed.get("documents"), "fileName"))
                .containsExactlyInAnyOrder("flight.pdf", "hotel.pdf", "boarding-pass.png");
        claimed.get("documents").forEach(file -> {
            assertThat(file.get("sha256").asText()).hasSize(64);
            assertThat(file.get("sizeBytes").asLong()).isPositive();
            assertThat(file.has("content")).as("metadata only, never the bytes").isFalse();
        });
        assertThat(claimed.get("payment").get("reference").asText()).isEqualTo(payment().getReference());
        assertThat(claimed.get("payment").get("creditorIban").asText()).isEqualTo(ClaimFixtures.SME_IBAN);
        assertThat(texts(export.get("aidRecords"), "reference")).containsExactly(payment().getReference());

        JsonNode trail = export.get("auditEvents");
        assertThat(trail).anySatisfy(event -> {
            assertThat(event.get("action").asText()).isEqualTo("CLARIFICATION_ANSWERED");
            assertThat(event.get("actor").asText()).isEqualTo(contact);
            assertThat(event.get("reason").asText()).isEqualTo(ANSWER);
        });
        assertThat(trail).anySatisfy(event -> {
            assertThat(event.get("action").asText()).isEqualTo("ELIGIBILITY_CONFIRMED");
            assertThat(event.get("actor").asText()).isEqualTo(PersonalDataExport.STAFF);
        });
        assertThat(texts(trail, "entityId")).contains(application.reference(), claim().reference());

        String all = export.toString();
        assertThat(all).as("staff's names and an evaluation's scores are not the company's data")
                .doesNotContain(cluster.reviewer(), cluster.evaluators().get(0), cluster.evaluators().get(1),
                        cluster.verifier(), "20 of 25");
        assertThat(all).as("nothing of the other company")
                .doesNotContain(other.getLegalName(), other.getVatNumber(), Scenario.contactOf(other),
                        otherApplication.reference());
    }

    @Test
    void anotherCompanysUserAndTheClustersStaffSeeNothing() throws Exception {
        for (String user : List.of(Scenario.contactOf(other), cluster.manager(), cluster.verifier())) {
            JsonNode problem = export(paid, user, 404);

            assertThat(problem.get("detail").asText())
                    .isEqualTo("There is no company " + paid.getId() + " whose personal data you may see.");
            assertThat(problem.toString()).doesNotContain(paid.getLegalName(), contact);
        }
    }

    @Test
    void anAdministratorExportsAnyCompany() throws Exception {
        assertThat(export(other, admin, 200).get("company").get("legalName").asText()).isEqualTo(other.getLegalName());
    }

    // --- anonymisation ---

    @Test
    void beforeTheRetentionPeriodIsOverAnonymisationIsRefusedAndChangesNothing() throws Exception {
        JsonNode before = stored(paid);
        LocalDate possibleFrom = payment().getExecutionDate().plusYears(10);
        on(possibleFrom.minusDays(1));

        JsonNode problem = anonymise(paid, admin, ON_REQUEST, 409);

        assertThat(problem.get("detail").asText()).isEqualTo("The records of company " + paid.getId()
                + " must be kept for 10 years after its latest one, of " + Formats.date(payment().getExecutionDate())
                + " (de minimis records: Regulation (EU) 2023/2831, Article 6(4)). Its personal data can be anonymised"
                + " from " + Formats.date(possibleFrom) + " on.");
        assertThat(stored(paid)).isEqualTo(before);
        assertThat(identityService.createUserQuery().userId(contact).count()).isOne();
        assertThat(payments.ofClaim(claim().getId())).isPresent();
    }

    @Test
    void afterTheRetentionPeriodPersonalDataIsGoneAndPaymentsAidAndTheAuditTrailStay() throws Exception {
        ExpenseClaim claim = claim();
        Payment payment = payment();
        List<AidRecord> ledger = companies.aidRecordsOf(paid.getId());
        Path paymentFile = properties.paymentDirectory().resolve(cluster.id()).resolve(payment.getFileName());
        assertThat(paymentFile).exists();
        assertThat(historyService.createHistoricIdentityLinkLogQuery().userId(contact).count()).isPositive();
        on(payment.getExecutionDate().plusYears(10));

        JsonNode result = anonymise(paid, admin, ON_REQUEST, 200);

        String anonymous = "Anonymised company " + paid.getId();
        String pseudonym = "anonymised-user-" + paid.getId() + "-1";
        assertThat(result.get("legalName").asText()).isEqualTo(anonymous);
        assertThat(result.get("applications").asInt()).isOne();
        assertThat(result.get("usersDeleted").asInt()).isOne();

        Company company = companies.get(paid.getId());
        assertThat(company).extracting(Company::getLegalName, Company::getVatNumber, Company::getCity,
                Company::getLatitude, Company::getContacts)
                .containsExactly(anonymous, "ANON" + paid.getId(), Erasure.ERASED, null, Set.of());
        assertThat(company.getAnonymisedAt()).isNotNull();
        assertThat(identityService.createUserQuery().userId(contact).count()).as("the SME's user is deleted").isZero();

        Application anonymised = applications.applicationsOfCompany(paid.getId()).get(0);
        assertThat(anonymised).extracting(Application::getSubmittedBy, Application::getMotivation,
                Application::getExportExperience).containsExactly(pseudonym, Erasure.ERASED, Erasure.ERASED);
        assertThat(anonymised.getParticipants()).extracting(p -> p.fullName()).containsExactly("Participant 1");
        assertThat(anonymised.getRequestedAmount()).isEqualByComparingTo(GRANT);
        ClarificationRequest round = eligibility.clarificationsOf(application.getId()).get(0);
        assertThat(round).extracting(ClarificationRequest::getAnswer, ClarificationRequest::getAnsweredBy,
                ClarificationRequest::getQuestion)
                .containsExactly(Erasure.ERASED, pseudonym, "Which trade fairs did " + anonymous + " attend?");

        ExpenseClaim anonymisedClaim = claim();
        assertThat(anonymisedClaim).extracting(ExpenseClaim::getSubmittedBy, ExpenseClaim::getMissionReport,
                ExpenseClaim::getIban, ExpenseClaim::getAccountHolder)
                .containsExactly(pseudonym, Erasure.ERASED, null, null);
        assertThat(anonymisedClaim.getVerifiedAmount()).isEqualByComparingTo(claim.getVerifiedAmount());
        assertThat(claims.itemsOf(claim.getId())).extracting(ExpenseItem::getDescription, ExpenseItem::getReceiptDocumentId)
                .containsOnly(tuple(Erasure.ERASED, null));
        assertThat(documents.ofClaim(claim.getId())).as("the files are deleted").isEmpty();

        Payment kept = payment();
        assertThat(kept).extracting(Payment::getReference, Payment::getExecutionDate, Payment::getCreditorName,
                Payment::getCreditorIban, Payment::getVerifiedBy, Payment::getApprovedBy)
                .containsExactly(payment.getReference(), payment.getExecutionDate(), anonymous, Erasure.ERASED,
                        cluster.verifier(), cluster.approver());
        assertThat(kept.getAmount()).isEqualByComparingTo(payment.getAmount());
        assertThat(paymentFile).as("the transfer file named the payee and its account").doesNotExist();
        assertThat(companies.aidRecordsOf(paid.getId()))
                .extracting(AidRecord::getGrantedOn, AidRecord::getAmount, AidRecord::getReference)
                .containsExactlyElementsOf(ledger.stream()
                        .map(r -> tuple(r.getGrantedOn(), r.getAmount(), r.getReference())).toList());

        List<AuditEvent> trail = audit.trailOf(anonymised);
        assertThat(trail).extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getReason).contains(
                tuple("APPLICATION_SUBMITTED", pseudonym, null),
                tuple("CLARIFICATION_REQUESTED", cluster.reviewer(), "Which trade fairs did " + anonymous + " attend?"),
                tuple("CLARIFICATION_ANSWERED", pseudonym, Erasure.ERASED),
                tuple("PARTICIPATION_CONFIRMED", pseudonym, null));
        assertThat(trail.get(trail.size() - 1)).extracting(AuditEvent::getAction, AuditEvent::getActor,
                AuditEvent::getReason).containsExactly("PERSONAL_DATA_ANONYMISED", admin,
                        "Written request of the company of 3 March, ref. DP-17");
        assertThat(audit.trailOf(anonymisedClaim)).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .contains(tuple("CLAIM_SUBMITTED", pseudonym), tuple("PAYMENT_EXECUTED", "system"));
        assertThat(audit.trailOf(company)).singleElement().satisfies(event -> {
            assertThat(event.getActor()).isEqualTo(admin);
            assertThat(event.getDecision()).startsWith("applications: 1, expense claims: 1, users deleted: 1,");
        });
        assertThat(Stream.concat(trail.stream(), audit.trailOf(anonymisedClaim).stream())
                .map(event -> event.getActor() + " " + event.getDecision() + " " + event.getReason()))
                .noneMatch(text -> text.contains(contact) || text.contains(paid.getLegalName()));

        assertThat(notifications.findAll()).extracting(n -> n.getRecipient()).doesNotContain(contact);
        assertThat(historyService.createHistoricIdentityLinkLogQuery().userId(contact).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(application.getProcessInstanceId()).count()).isZero();

        String exported = export(company, admin, 200).toString();
        assertThat(exported).doesNotContain(paid.getLegalName(), paid.getVatNumber(), contact, "Marta Puig",
                ClaimFixtures.SME_IBAN, "flight.pdf");
        assertThat(companies.get(other.getId()).getLegalName()).as("the other company is untouched")
                .isEqualTo(other.getLegalName());
        assertThat(identityService.createUserQuery().userId(Scenario.contactOf(other)).count()).isOne();

        JsonNode again = anonymise(paid, admin, ON_REQUEST, 409);
        assertThat(again.get("detail").asText()).startsWith("The personal data of company " + paid.getId()
                + " was already anonymised on ");
    }

    @Test
    void aFailureBeforeTheEndLeavesEverythingAsItWas() throws Exception {
        Path paymentFile = properties.paymentDirectory().resolve(cluster.id()).resolve(payment().getFileName());
        on(payment().getExecutionDate().plusYears(10));
        JsonNode before = stored(paid);

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            anonymisation.anonymise(admin, paid.getId(), "On request");
            throw new IllegalStateException("The database went away before the commit.");
        })).hasMessage("The database went away before the commit.");

        assertThat(stored(paid)).isEqualTo(before);
        assertThat(identityService.createUserQuery().userId(contact).count()).isOne();
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(application.getProcessInstanceId()).count()).isOne();
        assertThat(documents.ofClaim(claim().getId())).hasSize(3);
        assertThat(paymentFile).exists();
    }

    @Test
    void onlyAnAdministratorMayAnonymise() throws Exception {
        on(payment().getExecutionDate().plusYears(11));
        JsonNode before = stored(paid);

        for (String user : List.of(contact, cluster.manager(), Scenario.contactOf(other))) {
            JsonNode problem = anonymise(paid, user, ON_REQUEST, 403);

            assertThat(problem.get("detail").asText())
                    .isEqualTo("Only administrators may anonymise a company's personal data.");
        }
        assertThat(stored(paid)).isEqualTo(before);
    }

    @Test
    void anonymisationNeedsTheReason() throws Exception {
        for (String request : List.of("{}", "{\"reason\": \"  \"}")) {
            JsonNode problem = anonymise(paid, admin, request, 400);

            assertThat(fieldNames(problem.get("errors"))).containsExactly("reason");
        }
        assertThat(companies.get(paid.getId()).getAnonymisedAt()).isNull();
    }

    @Test
    void aCompanyWithoutRecordsIsAnonymisedAtOnceAndAUserActingForAnotherCompanyKeepsTheirAccount() throws Exception {
        Company registered = scenario.company(Scenario.figures(3, "200000", "150000"), List.of());
        String user = Scenario.contactOf(registered);
        companies.addContact(other.getId(), user);

        JsonNode result = anonymise(registered, admin, ON_REQUEST, 200);

        assertThat(result.get("usersDeleted").asInt()).isZero();
        assertThat(result.get("usersKept").asInt()).isOne();
        assertThat(companies.get(registered.getId()).getContacts()).isEmpty();
        assertThat(identityService.createUserQuery().userId(user).count()).isOne();
        assertThat(companies.get(other.getId()).hasContact(user)).isTrue();
    }
}
