package eu.clustercalls.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.company.AidRecord;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.payment.Iban;
import eu.clustercalls.payment.Payment;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.ConflictException;
import eu.clustercalls.support.Erasure;
import eu.clustercalls.support.ForbiddenException;
import eu.clustercalls.support.FormValues;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.InvalidInputException;

/**
 * Anonymises a company's personal data on its request (GDPR Article 17), once the records that must be kept no
 * longer need it: the retention period counts from the company's latest record. What identifies the company and its
 * people goes; payments, aid records, amounts, dates, decisions and the audit trail stay, with pseudonyms for the
 * people. Its users are deleted from the user store, and the history of its processes from the engine. One
 * transaction with the engine's: a failure leaves everything as it was.
 */
@Service
class CompanyAnonymisation {

    static final String ACTION = "PERSONAL_DATA_ANONYMISED";
    static final String PSEUDONYM_PREFIX = "anonymised-user-";

    private final CompanyRecordsReader reader;
    private final CompanyService companies;
    private final ApplicationService applications;
    private final ClaimService claims;
    private final PaymentService payments;
    private final DocumentService documents;
    private final NotificationService notifications;
    private final AuditService audit;
    private final StaffDirectory staff;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final ClusterCallsProperties properties;
    private final Clock clock;

    CompanyAnonymisation(CompanyRecordsReader reader, CompanyService companies, ApplicationService applications,
            ClaimService claims, PaymentService payments, DocumentService documents,
            NotificationService notifications, AuditService audit, StaffDirectory staff,
            IdentityService identityService, RuntimeService runtimeService, HistoryService historyService,
            ClusterCallsProperties properties, Clock clock) {
        this.reader = reader;
        this.companies = companies;
        this.applications = applications;
        this.claims = claims;
        this.payments = payments;
        this.documents = documents;
        this.notifications = notifications;
        this.audit = audit;
        this.staff = staff;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.properties = properties;
        this.clock = clock;
    }

    /** What an anonymisation did. */
    record Result(Long companyId, String legalName, int applications, int expenseClaims, int usersDeleted,
            int usersKept) {
    }

    @Transactional
    public Result anonymise(String admin, Long companyId, String reason) {
        if (!staff.hasRole(admin, Roles.ADMIN)) {
            throw new ForbiddenException("Only administrators may anonymise a company's personal data.");
        }
        String why = FormValues.blankToNull(reason);
        if (why == null) {
            throw new InvalidInputException("reason", "Please give the reason: who asked for the anonymisation, and when.");
        }
        Company company = companies.lock(companyId);
        if (company.getAnonymisedAt() != null) {
            throw new ConflictException("The personal data of company " + companyId + " was already anonymised on "
                    + Formats.date(company.getAnonymisedAt().atZone(zone()).toLocalDate()) + ".");
        }
        CompanyRecords records = reader.read(company);
        checkRetentionIsOver(records);
        checkNothingInProgress(records);
        Erasure erasure = erasure(records);
        String anonymousName = Company.anonymisedName(companyId);

        applications.anonymiseApplicationsOf(companyId, erasure);
        records.claims().values().forEach(claim -> payments.anonymiseOfClaim(claim.getId(), anonymousName));
        claims.anonymiseClaimsOf(companyId, erasure);
        companies.anonymise(companyId);
        audit.pseudonymise(records.audited(), erasure);
        int deleted = 0;
        for (String person : records.people()) {
            if (staysInUserStore(person, companyId)) {
                notifications.forget(person, records.audited());
            } else {
                forget(person);
                deleted++;
            }
        }
        List<String> processes = records.processInstanceIds();
        if (!processes.isEmpty()) {
            historyService.deleteHistoricProcessInstancesIfExists(processes);
        }
        Result result = new Result(companyId, anonymousName, records.applications().size(), records.claims().size(),
                deleted, records.people().size() - deleted);
        audit.record(company, admin, ACTION, "applications: " + result.applications() + ", expense claims: "
                + result.expenseClaims() + ", users deleted: " + deleted + ", users kept (acting for another company "
                + "or a cluster): " + result.usersKept(), why);
        records.applications().forEach(application -> audit.record(application, admin, ACTION, null, why));
        return result;
    }

    /** De minimis records are kept for ten years after the last aid (Regulation (EU) 2023/2831, Article 6(4)). */
    private void checkRetentionIsOver(CompanyRecords records) {
        Long companyId = records.company().getId();
        LocalDate latest = Stream.of(
                companies.aidRecordsOf(companyId).stream().map(AidRecord::getGrantedOn),
                records.applications().stream().map(application -> day(application.getSubmittedAt())),
                records.claims().values().stream()
                        .map(claim -> day(claim.getSubmittedAt() != null ? claim.getSubmittedAt() : claim.getDueAt())),
                records.claims().values().stream().flatMap(claim -> payments.ofClaim(claim.getId()).stream())
                        .map(Payment::getExecutionDate))
                .flatMap(dates -> dates)
                .max(Comparator.naturalOrder())
                .orElse(null);
        if (latest == null) {
            return;
        }
        LocalDate possibleFrom = latest.plus(properties.retentionPeriod());
        if (LocalDate.now(clock.withZone(zone())).isBefore(possibleFrom)) {
            throw new ConflictException("The records of company " + companyId + " must be kept for "
                    + describe(properties.retentionPeriod()) + " after its latest one, of "
                    + Formats.date(latest) + " (de minimis records: Regulation (EU) 2023/2831, Article 6(4)). "
                    + "Its personal data can be anonymised from " + Formats.date(possibleFrom) + " on.");
        }
    }

    /** A running process still offers the company's users tasks and holds their data in its variables. */
    private void checkNothingInProgress(CompanyRecords records) {
        List<String> processes = records.processInstanceIds();
        if (processes.isEmpty()) {
            return;
        }
        Map<String, String> references = new HashMap<>();
        records.applications().forEach(a -> references.put(a.getProcessInstanceId(), a.reference()));
        records.claims().values().forEach(c -> references.put(c.getProcessInstanceId(), c.reference()));
        List<String> running = runtimeService.createProcessInstanceQuery().processInstanceIds(new HashSet<>(processes))
                .list().stream().map(ProcessInstance::getId).map(references::get).sorted().toList();
        if (!running.isEmpty()) {
            throw new ConflictException(String.join(", ", running) + (running.size() == 1 ? " is" : " are")
                    + " still in progress; a company's personal data can be anonymised once its applications and "
                    + "claims have ended.");
        }
    }

    /**
     * Pseudonyms numbered per company, so that they tell nothing across companies; and each text that identifies the
     * company or its people, with what replaces it where staff or the system quoted it.
     */
    private Erasure erasure(CompanyRecords records) {
        Company company = records.company();
        String anonymousName = Company.anonymisedName(company.getId());
        Map<String, String> pseudonyms = new LinkedHashMap<>();
        Map<String, String> texts = new HashMap<>();
        texts.put(company.getLegalName(), anonymousName);
        texts.put(company.getVatNumber(), Erasure.ERASED);
        texts.put(company.getCity(), Erasure.ERASED);
        company.getRelatedEnterprises().forEach(related -> texts.put(related.getName(), Erasure.ERASED));
        for (String person : records.people()) {
            String pseudonym = PSEUDONYM_PREFIX + company.getId() + "-" + (pseudonyms.size() + 1);
            pseudonyms.put(person, pseudonym);
            User user = identityService.createUserQuery().userId(person).singleResult();
            if (user != null) {
                texts.put(user.getFirstName() + " " + user.getLastName(), pseudonym);
                texts.put(user.getEmail(), pseudonym);
            }
        }
        records.applications().forEach(application -> application.getParticipants()
                .forEach(participant -> texts.put(participant.fullName(), Erasure.ERASED)));
        for (ExpenseClaim claim : records.claims().values()) {
            if (claim.getIban() != null) {
                texts.put(claim.getIban(), Erasure.ERASED);
                texts.put(Iban.formatted(claim.getIban()), Erasure.ERASED);
                texts.put(claim.getAccountHolder(), anonymousName);
            }
            documents.ofClaim(claim.getId()).forEach(file -> texts.put(file.getFileName(), "document " + file.getId()));
        }
        return new Erasure(pseudonyms, texts);
    }

    /** Someone who still acts for another company, or who works for a cluster, keeps their user. */
    private boolean staysInUserStore(String userId, Long companyId) {
        boolean actsForAnother = companies.companiesOf(userId).stream().anyMatch(c -> !c.getId().equals(companyId));
        boolean works = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .anyMatch(group -> !Roles.SME.equals(group))
                || identityService.createTenantQuery().userMember(userId).count() > 0;
        return actsForAnother || works;
    }

    /** The user, their messages and the engine's log of what they did in Tasklist. */
    private void forget(String userId) {
        if (identityService.createUserQuery().userId(userId).count() > 0) {
            identityService.deleteUser(userId);
        }
        notifications.forget(userId);
        historyService.createUserOperationLogQuery().userId(userId).list()
                .forEach(entry -> historyService.deleteUserOperationLogEntry(entry.getId()));
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(zone()).toLocalDate();
    }

    private ZoneId zone() {
        return properties.timeZone();
    }

    /** P10Y as "10 years". */
    static String describe(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() > 0) {
            parts.add(period.getYears() + (period.getYears() == 1 ? " year" : " years"));
        }
        if (period.getMonths() > 0) {
            parts.add(period.getMonths() + (period.getMonths() == 1 ? " month" : " months"));
        }
        if (period.getDays() > 0 || parts.isEmpty()) {
            parts.add(period.getDays() + (period.getDays() == 1 ? " day" : " days"));
        }
        return parts.stream().collect(Collectors.joining(" and "));
    }
}
