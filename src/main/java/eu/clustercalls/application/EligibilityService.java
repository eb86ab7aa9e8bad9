package eu.clustercalls.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.application.ApplicationProcess.ReviewDecision;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.CallService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.company.Membership;
import eu.clustercalls.company.SmeFigures;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.document.DocumentLinks;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.DocumentSummary;
import eu.clustercalls.document.StoredDocument;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.NotificationType;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.organisation.StaffViewWords;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.FormView;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.Phrase;
import eu.clustercalls.support.ViewWords;

/**
 * Eligibility of an application: the automatic verdict of the decision table processes/eligibility.dmn, the
 * reviewer's confirmation or override, and the clarification round with the SME.
 */
@Service
public class EligibilityService {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final ApplicationRepository applications;
    private final ClarificationRequestRepository clarifications;
    private final CallService calls;
    private final CompanyService companies;
    private final ClusterOrganisationService organisations;
    private final AuditService audit;
    private final NotificationService notifications;
    private final StaffDirectory staff;
    private final DecisionService decisionService;
    private final ClusterCallsProperties properties;
    private final Clock clock;
    private final ApplicationViews views;
    private final StaffViewWords words;
    private final MessageSource messages;
    private final DocumentService documents;

    EligibilityService(ApplicationRepository applications, ClarificationRequestRepository clarifications,
            CallService calls, CompanyService companies, ClusterOrganisationService organisations, AuditService audit,
            NotificationService notifications, StaffDirectory staff, DecisionService decisionService,
            ClusterCallsProperties properties, Clock clock, ApplicationViews views,
            StaffViewWords words, MessageSource messages, DocumentService documents) {
        this.applications = applications;
        this.clarifications = clarifications;
        this.calls = calls;
        this.companies = companies;
        this.organisations = organisations;
        this.audit = audit;
        this.notifications = notifications;
        this.staff = staff;
        this.decisionService = decisionService;
        this.properties = properties;
        this.documents = documents;
        this.clock = clock;
        this.views = views;
        this.words = words;
        this.messages = messages;
    }

    /** Evaluates the eligibility rules, stores the failed ones with their reasons; returns the verdict. */
    @Transactional
    public boolean assess(Long applicationId) {
        Application application = get(applicationId);
        VariableMap facts = facts(application);
        List<EligibilityReason> failed = decisionService
                .evaluateDecisionTableByKey(ApplicationProcess.ELIGIBILITY_DECISION)
                .variables(facts)
                .evaluate()
                .getResultList().stream()
                .map(row -> reason((String) row.get("reasonCode"), (String) row.get("reason"), facts))
                .toList();
        application.recordAutomaticVerdict(failed);
        // The audit trail is kept in English.
        ViewWords english = new ViewWords(messages, Locale.ENGLISH);
        audit.record(application, "system", "ELIGIBILITY_CHECKED", failed.isEmpty() ? "eligible" : "ineligible",
                failed.isEmpty() ? null : failed.stream().map(reason -> english.phrase(reason.message()))
                        .collect(Collectors.joining(" ")));
        return failed.isEmpty();
    }

    /** The facts the decision table reads (see processes/eligibility.dmn for the names). */
    VariableMap facts(Application application) {
        FundingCall call = calls.get(application.getCallId());
        Company company = companies.get(application.getCompanyId());
        ZoneId zone = properties.timeZone();
        Membership membership = companies.membership(company.getId(), call.getClusterId()).orElse(null);
        // The figures it was submitted with, whatever the company declared since.
        SmeFigures figures = companies.figures(company.getId(), application.getFiguresRevision()).smeFigures();
        LocalDate submittedOn = application.getSubmittedAt().atZone(zone).toLocalDate();
        Declarations declarations = application.getDeclarations();
        return Variables.createVariables()
                // Only shown: the decision's history lists its inputs, so Cockpit names the application.
                .putValue("applicationReference", application.reference())
                .putValue("companyName", company.getLegalName())
                .putValue("clusterName", organisations.get(call.getClusterId()).getName())
                .putValue("membersOnly", call.isMembersOnly())
                .putValue("membershipValidFrom", membership == null ? null : membership.getValidFrom())
                .putValue("membershipValidUntil", membership == null ? null : membership.getValidUntil())
                .putValue("closingDate", call.closingDate(zone))
                .putValue("staffHeadcount", figures.staffHeadcount())
                .putValue("annualTurnover", figures.annualTurnover())
                .putValue("balanceSheetTotal", figures.balanceSheetTotal())
                .putValue("deMinimisApplies", call.isDeMinimisApplies())
                .putValue("aidLastThreeYears", companies.aidInThreeYearsUntil(company.getId(), submittedOn))
                .putValue("requestedAmount", application.getRequestedAmount())
                .putValue("deMinimisCeiling", properties.deMinimisCeiling())
                .putValue("earlierApplications", applications.countEarlierOfSameCompany(application.getId()))
                .putValue("declaresSmeStatus", declarations.smeStatus())
                .putValue("declaresDeMinimis", declarations.deMinimis())
                .putValue("declaresNoDoubleFunding", declarations.noDoubleFunding())
                .putValue("declaresDataProtection", declarations.dataProtection())
                .putValue("submittedAt", application.getSubmittedAt().atZone(zone))
                .putValue("closingAt", call.getClosesAt().atZone(zone));
    }

    /**
     * A failed rule's reason, kept for readers of every language: the phrase {@code eligibility.<code>} (its English
     * text in messages/phrases is the rule's template) with the facts the template names, each of its kind.
     */
    static EligibilityReason reason(String code, String template, Map<String, Object> facts) {
        Phrase phrase = Phrase.of("eligibility." + code);
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (facts.containsKey(name)) {
                fact(phrase, name, facts.get(name));
            }
        }
        return new EligibilityReason(code, phrase.stored());
    }

    private static void fact(Phrase phrase, String name, Object value) {
        if (value instanceof BigDecimal figure) {
            // The headcount is the only figure of the facts that is not an amount in euros.
            if (name.equals("staffHeadcount")) {
                phrase.number(name, figure);
            } else {
                phrase.euros(name, figure);
            }
        } else if (value instanceof LocalDate date) {
            phrase.date(name, date);
        } else if (value instanceof ZonedDateTime time) {
            phrase.dateTime(name, time);
        } else {
            phrase.text(name, value);
        }
    }

    /** What the reviewer sees in form_eligibility_review. */
    @Transactional(readOnly = true)
    public FormView reviewView(Long applicationId) {
        Application application = get(applicationId);
        ViewWords words = this.words.of(application.tenantId());
        // A reason is the rule's explanation with the facts of when the application came in, in the cluster's language.
        String reasons = application.getEligibilityReasons().isEmpty()
                ? words.get("eligibility.allRulesMet")
                : application.getEligibilityReasons().stream()
                        .map(r -> "- " + Formats.markdownText(words.phrase(r.message())))
                        .collect(Collectors.joining("\n"));
        FormView view = views.describe(applicationId, words)
                .text("autoVerdict", words.get(Boolean.TRUE.equals(application.getAutoEligible())
                        ? "eligibility.eligible" : "eligibility.notEligible"))
                .text("autoReasons", reasons);
        addClarifications(view, applicationId, words);
        return view;
    }

    /** The clarification rounds: the latest question and answer, then the earlier rounds, newest first. */
    private void addClarifications(FormView view, Long applicationId, ViewWords words) {
        List<ClarificationRequest> rounds = new ArrayList<>(clarifications.findByApplicationIdOrderByRequestedAt(applicationId));
        if (rounds.isEmpty()) {
            return;
        }
        Collections.reverse(rounds);
        ClarificationRequest latest = rounds.get(0);
        view.text("lastQuestionAsked", asked(latest, words))
                .text("lastQuestion", Formats.markdownText(latest.getQuestion()))
                .text("lastAnswer", answerOf(latest, words))
                .text("earlierClarifications", rounds.subList(1, rounds.size()).stream()
                        .map(request -> "**" + asked(request, words) + "** " + Formats.markdownText(request.getQuestion())
                                + "  \n" + answerOf(request, words) + "\n\n")
                        .collect(Collectors.joining()));
    }

    private String asked(ClarificationRequest request, ViewWords words) {
        return words.get("eligibility.asked", Formats.markdownText(request.getRequestedBy()),
                words.dateTime(request.getRequestedAt().atZone(properties.timeZone())));
    }

    /** The SME's answer as typed with a link to each file sent with it, or ours on its absence (markdown). */
    private String answerOf(ClarificationRequest request, ViewWords words) {
        if (request.getAnswer() == null) {
            return words.get(request.isExpired() ? "eligibility.noAnswerInTime" : "eligibility.awaitingAnswer");
        }
        String files = documents.ofClarification(request.getId()).stream()
                .map(file -> "\n- " + DocumentLinks.line(clarificationFilePath(request.getApplicationId(), file.getId()),
                        file.getFileName(), file.getContentType(), file.getSizeBytes(),
                        words.get("eligibility.answerFile"), null, words.locale()))
                .collect(Collectors.joining());
        return Formats.markdownText(request.getAnswer()) + (files.isEmpty() ? "" : "\n" + files);
    }

    /** The address a staff form links a file of a clarification answer with (see StaffClarificationFiles). */
    static String clarificationFilePath(Long applicationId, Long documentId) {
        return "/staff/applications/" + applicationId + "/clarification-files/" + documentId;
    }

    /**
     * A file sent with an answer to one of the application's clarification requests, for the cluster's eligibility
     * reviewers and call managers; anyone else reads it as not found.
     */
    @Transactional(readOnly = true)
    public StoredDocument clarificationFile(String username, Long applicationId, Long documentId) {
        Application application = applications.findById(applicationId).orElse(null);
        boolean allowed = application != null && staff.worksFor(username, application.tenantId())
                && (staff.hasRole(username, Roles.ELIGIBILITY_REVIEWERS) || staff.hasRole(username, Roles.CALL_MANAGERS));
        if (!allowed) {
            throw new NotFoundException("There is no document " + documentId + " of application " + applicationId
                    + " that you may see.");
        }
        return clarificationFileOf(applicationId, documentId);
    }

    /** A file of the application's clarification answers, whoever asks: callers check who may see it. */
    @Transactional(readOnly = true)
    public StoredDocument clarificationFileOf(Long applicationId, Long documentId) {
        return documents.ofClarifications(clarifications.findByApplicationIdOrderByRequestedAt(applicationId).stream()
                .map(ClarificationRequest::getId).toList(), documentId);
    }

    /** The files sent with the application's clarification answers, oldest first. */
    @Transactional(readOnly = true)
    public List<DocumentSummary> clarificationFilesOf(Long applicationId) {
        return clarifications.findByApplicationIdOrderByRequestedAt(applicationId).stream()
                .flatMap(request -> documents.ofClarification(request.getId()).stream()).toList();
    }

    /**
     * Records the reviewer's decision. Returns the final verdict, or null when the reviewer asked for
     * clarification (the application then waits for the SME).
     */
    @Transactional
    public Boolean recordReview(Long applicationId, String reviewer, String decision, String reason, String question) {
        Application application = get(applicationId);
        staff.require(reviewer, Roles.ELIGIBILITY_REVIEWERS, application.tenantId(), "decide on eligibility");
        ViewWords words = this.words.of(application.tenantId());
        ReviewDecision choice = FormValues.choice(ReviewDecision.class, decision, ApplicationProcess.VAR_REVIEW_DECISION,
                words.get("refusal.eligibility.choice"));
        if (application.getStatus() != ApplicationStatus.IN_REVIEW) {
            throw new ConflictException(words.get("refusal.eligibility.notInReview", application.reference()));
        }
        boolean automatic = Boolean.TRUE.equals(application.getAutoEligible());
        switch (choice) {
            case CONFIRM -> {
                application.decideEligibility(automatic, reviewer, clock.instant(), null, completeAt(application));
                audit.record(application, reviewer, "ELIGIBILITY_CONFIRMED", verdict(automatic), null);
                return automatic;
            }
            case OVERRIDE -> {
                String why = required(reason, ApplicationProcess.VAR_REVIEW_REASON,
                        words.get("refusal.eligibility.overrideReason"), words);
                application.decideEligibility(!automatic, reviewer, clock.instant(), why, completeAt(application));
                audit.record(application, reviewer, "ELIGIBILITY_OVERRIDDEN", verdict(!automatic), why);
                return !automatic;
            }
            case CLARIFY -> {
                String asked = required(question, ApplicationProcess.VAR_CLARIFICATION_QUESTION,
                        words.get("refusal.eligibility.question"), words);
                // The boundary timer of task_answer_clarification fires at this stored deadline (clarificationDue).
                ClarificationRequest request = clarifications.save(new ClarificationRequest(applicationId, asked,
                        reviewer, clock.instant(), clock.instant().atZone(properties.timeZone())
                                .plus(properties.clarificationPeriod()).toInstant()));
                application.awaitClarification();
                audit.record(application, reviewer, "CLARIFICATION_REQUESTED", null, asked);
                notifications.queue(contactUsers(applicationId), NotificationType.CLARIFICATION_REQUESTED, application,
                        Map.of("reference", application.reference(), "question", asked, "dueAt", request.getDueAt(),
                                "path", "/portal/todo"));
                return null;
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Submitted, or completed by the last answer to a clarification request. */
    private Instant completeAt(Application application) {
        return clarifications.findByApplicationIdOrderByRequestedAt(application.getId()).stream()
                .map(ClarificationRequest::getAnsweredAt).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(application.getSubmittedAt());
    }


    private static String required(String text, String field, String message, ViewWords words) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, message);
        }
        if (text.length() > 2000) {
            throw new InvalidInputException(field, words.get("refusal.eligibility.tooLong"));
        }
        return text.strip();
    }

    /** When the open clarification request expires: the time its boundary timer fires and the SME was told. */
    @Transactional(readOnly = true)
    public Date clarificationDue(Long applicationId) {
        return Date.from(openRequest(applicationId).getDueAt());
    }

    /** The open clarification question of an application. */
    @Transactional(readOnly = true)
    public String openQuestion(Long applicationId) {
        return openRequest(applicationId).getQuestion();
    }

    @Transactional
    public void recordClarificationAnswer(Long applicationId, String answeredBy, String answer) {
        Application application = get(applicationId);
        if (!companies.get(application.getCompanyId()).hasContact(answeredBy)) {
            throw new ForbiddenException("Only the applicant company's users can answer its clarification request.");
        }
        if (answer == null || answer.isBlank()) {
            throw new InvalidInputException(ApplicationProcess.VAR_CLARIFICATION_ANSWER, "Please write your answer.");
        }
        if (answer.length() > 4000) {
            throw new InvalidInputException(ApplicationProcess.VAR_CLARIFICATION_ANSWER,
                    "Please keep your answer under 4,000 characters.");
        }
        openRequest(applicationId).answer(answer.strip(), answeredBy, clock.instant());
        application.backInReview();
        audit.record(application, answeredBy, "CLARIFICATION_ANSWERED", null, answer.strip());
    }

    /** No answer before the deadline: the application is ineligible. */
    @Transactional
    public void expireClarification(Long applicationId) {
        Application application = get(applicationId);
        ClarificationRequest request = openRequest(applicationId);
        request.expire();
        // Kept as a phrase: the SME reads it in its language in the portal and the mail, the audit trail in English.
        String reason = Phrase.of("application.clarificationExpired")
                .dateTime("askedAt", request.getRequestedAt().atZone(properties.timeZone()))
                .dateTime("dueAt", request.getDueAt().atZone(properties.timeZone())).stored();
        application.decideEligibility(false, "system", clock.instant(), reason, null);
        audit.record(application, "system", "CLARIFICATION_EXPIRED", verdict(false),
                new ViewWords(messages, Locale.ENGLISH).phrase(reason));
    }

    @Transactional
    public void notifyResult(Long applicationId) {
        Application application = get(applicationId);
        FundingCall call = calls.get(application.getCallId());
        boolean eligible = Boolean.TRUE.equals(application.getEligible());
        notifications.queue(contactUsers(applicationId), NotificationType.ELIGIBILITY_RESULT, application,
                Map.of("reference", application.reference(), "callTitle", call.getTitle(), "eligible", eligible,
                        "reasons", reasonsShownToApplicant(application), "path", "/portal/applications/" + applicationId));
    }

    /**
     * The reasons of a final "not eligible" as kept: the rules' phrases or the reviewer's text, which each reader
     * writes in its language with {@link ViewWords#phrase}.
     */
    public static List<String> reasonsShownToApplicant(Application application) {
        if (application.getEligible() == null || application.getEligible()) {
            return List.of();
        }
        if (application.getDecisionReason() != null) {
            return List.of(application.getDecisionReason());
        }
        return application.getEligibilityReasons().stream().map(EligibilityReason::message).toList();
    }

    @Transactional(readOnly = true)
    public List<String> contactUsers(Long applicationId) {
        return List.copyOf(companies.get(get(applicationId).getCompanyId()).getContacts());
    }

    @Transactional(readOnly = true)
    public List<ClarificationRequest> clarificationsOf(Long applicationId) {
        return clarifications.findByApplicationIdOrderByRequestedAt(applicationId);
    }

    private ClarificationRequest openRequest(Long applicationId) {
        return clarifications.findByApplicationIdOrderByRequestedAt(applicationId).stream()
                .filter(ClarificationRequest::isOpen).findFirst()
                .orElseThrow(() -> new ConflictException("There is no open clarification request."));
    }

    private Application get(Long applicationId) {
        return applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException("There is no application " + applicationId + "."));
    }

    private static String verdict(boolean eligible) {
        return eligible ? "eligible" : "ineligible";
    }
}
