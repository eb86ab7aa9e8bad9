package eu.clustercalls.privacy;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ClarificationRequest;
import eu.clustercalls.application.EligibilityService;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditEventView;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.CallService;
import eu.clustercalls.company.AidRecordView;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyRepository;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.KeptFile;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ClaimView;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.security.Roles;
import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.ViewWords;

/** The export of a company's personal data, for its own users and the administrators. */
@Service
class PersonalDataExport {

    static final String NOTE = "Events of the audit trail by staff or by ClusterCalls itself show what "
            + "happened and when; who of the staff acted, and their notes, are not shown: they are personal data of "
            + "others and part of a confidential evaluation (GDPR Article 15(4)). Files are listed, not included: "
            + "your users can download each one from the claim.";
    static final String STAFF = "staff";

    private final CompanyRepository companyRepository;
    private final CompanyService companies;
    private final CompanyRecordsReader reader;
    private final ClusterOrganisationService organisations;
    private final CallService calls;
    private final ClaimService claims;
    private final DocumentService documents;
    private final PaymentService payments;
    private final AuditService audit;
    private final StaffDirectory staff;
    private final IdentityService identityService;
    private final Clock clock;
    /** The export is written in English, as its notes and field names are. */
    private final ViewWords english;

    PersonalDataExport(CompanyRepository companyRepository, CompanyService companies, CompanyRecordsReader reader,
            ClusterOrganisationService organisations, CallService calls, ClaimService claims,
            DocumentService documents, PaymentService payments, AuditService audit, StaffDirectory staff,
            IdentityService identityService, Clock clock, MessageSource messages) {
        this.companyRepository = companyRepository;
        this.companies = companies;
        this.reader = reader;
        this.organisations = organisations;
        this.calls = calls;
        this.claims = claims;
        this.documents = documents;
        this.payments = payments;
        this.audit = audit;
        this.staff = staff;
        this.identityService = identityService;
        this.clock = clock;
        this.english = new ViewWords(messages, Locale.ENGLISH);
    }

    /** Everything kept about the company, for one of its users or an administrator; anyone else reads not found. */
    @Transactional(readOnly = true)
    public PersonalData export(String user, Long companyId) {
        Company company = companyRepository.findById(companyId)
                .filter(found -> found.hasContact(user) || staff.hasRole(user, Roles.ADMIN))
                .orElseThrow(() -> new NotFoundException("There is no company " + companyId
                        + " whose personal data you may see."));
        CompanyRecords records = reader.read(company);
        return new PersonalData(clock.instant(), NOTE, companyData(company),
                company.getContacts().stream().sorted().map(this::contactUser).toList(),
                companies.membershipsOf(companyId).stream()
                        .map(m -> new PersonalData.MembershipData(m.getClusterId(),
                                organisations.get(m.getClusterId()).getName(), m.getMemberNumber(), m.getValidFrom(),
                                m.getValidUntil()))
                        .toList(),
                records.applications().stream().map(application -> applicationData(application, records)).toList(),
                companies.aidRecordsOf(companyId).stream().map(AidRecordView::of).toList(),
                audit.trailOf(records.audited()).stream().map(event -> asSeenBy(records.people(), event)).toList());
    }

    private static PersonalData.CompanyData companyData(Company company) {
        return new PersonalData.CompanyData(company.getId(), company.getLegalName(), company.getVatNumber(),
                company.getCountry(), company.getCity(), company.getNaceCode(), company.getLatitude(),
                company.getLongitude(), company.getStaffHeadcount(), company.getAnnualTurnover(),
                company.getBalanceSheetTotal(), company.getEnterpriseType(), company.getRelatedEnterprises(),
                company.getCreatedAt(), company.getAnonymisedAt());
    }

    private PersonalData.ContactUser contactUser(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? new PersonalData.ContactUser(userId, null, null, null)
                : new PersonalData.ContactUser(userId, user.getFirstName(), user.getLastName(), user.getEmail());
    }

    private PersonalData.ApplicationData applicationData(Application application, CompanyRecords records) {
        List<PersonalData.Clarification> clarifications = records.clarifications().get(application.getId()).stream()
                .map(PersonalDataExport::clarification).toList();
        ExpenseClaim claim = records.claims().get(application.getId());
        return new PersonalData.ApplicationData(application.getId(), application.reference(), application.getCallId(),
                calls.get(application.getCallId()).getTitle(), application.getSubmittedBy(),
                application.getSubmittedAt(), application.getMotivation(), application.getTargetMarkets(),
                application.getExportExperience(), application.getRequestedAmount(), application.getParticipants(),
                application.getDeclarations(), application.getStatus(), application.getEligible(),
                EligibilityService.reasonsShownToApplicant(application).stream().map(english::phrase).toList(),
                clarifications,
                claim == null ? null : claimData(claim));
    }

    private static PersonalData.Clarification clarification(ClarificationRequest request) {
        return new PersonalData.Clarification(request.getQuestion(), request.getRequestedAt(), request.getDueAt(),
                request.getAnswer(), request.getAnsweredBy(), request.getAnsweredAt(), request.isExpired());
    }

    private PersonalData.ClaimData claimData(ExpenseClaim claim) {
        var files = documents.ofClaim(claim.getId());
        var payment = payments.ofClaim(claim.getId()).orElse(null);
        return new PersonalData.ClaimData(claim.getSubmittedBy(), claim.getSubmittedAt(),
                ClaimView.of(claim, claims.itemsOf(claim.getId()), files, payment, english),
                files.stream().map(file -> new PersonalData.DocumentData(file.getId(), file.getPurpose(),
                        file.getFileName(), file.getContentType(), file.getSizeBytes(), file.getSha256())).toList(),
                payment == null ? null : new PersonalData.PaymentData(payment.getReference(), payment.getAmount(),
                        payment.getCreditorName(), payment.getCreditorIban(), payment.getExecutionDate(),
                        payment.getExecutedAt()),
                draftData(claim));
    }

    /** A draft kept of the claim, if any: what the company's users typed and the files they chose. */
    private PersonalData.ClaimDraftData draftData(ExpenseClaim claim) {
        List<KeptFile> kept = documents.keptOfDraft(claim.getId());
        return claims.draftOfClaim(claim.getId())
                .map(draft -> new PersonalData.ClaimDraftData(draft.getUsername(), draft.getSavedAt(),
                        draft.getContent(), kept))
                .orElse(kept.isEmpty() ? null : new PersonalData.ClaimDraftData(null, null, null, kept));
    }

    /**
     * What the company's own people did is shown in full; of what staff or ClusterCalls did, only what and when:
     * a decision or note may name an evaluator or a score not yet published.
     */
    private static AuditEventView asSeenBy(Set<String> people, AuditEvent event) {
        if (people.contains(event.getActor())) {
            return AuditEventView.of(event);
        }
        return new AuditEventView(event.getOccurredAt(), "system".equals(event.getActor()) ? "system" : STAFF,
                event.getAction(), event.getEntityType(), event.getEntityId(), null, null);
    }
}
