package eu.clustercalls.company;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.audit.AuditService;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.Formats;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.Phrase;

/** Companies, the users who act for them, their cluster memberships and their de minimis ledger. */
@Service
public class CompanyService {

    private final CompanyRepository companies;
    private final MembershipRepository memberships;
    private final AidRecordRepository aidRecords;
    private final CompanyFiguresRepository figures;
    private final StaffDirectory staff;
    private final AuditService audit;
    private final ClusterCallsProperties properties;
    private final Clock clock;

    CompanyService(CompanyRepository companies, MembershipRepository memberships, AidRecordRepository aidRecords,
            CompanyFiguresRepository figures, StaffDirectory staff, AuditService audit,
            ClusterCallsProperties properties, Clock clock) {
        this.companies = companies;
        this.memberships = memberships;
        this.aidRecords = aidRecords;
        this.figures = figures;
        this.staff = staff;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Company register(String legalName, String vatNumber, String country, String city, String naceCode,
            SmeFigures ownFigures, List<RelatedEnterprise> relatedEnterprises) {
        VatNumbers.problem(country, vatNumber).ifPresent(problem -> {
            throw new InvalidInputException("vatNumber", problem);
        });
        String vat = VatNumbers.normalise(vatNumber);
        if (companies.existsByVatNumber(vat)) {
            throw new InvalidInputException("vatNumber",
                    Phrase.of("refusal.company.registered").text("vatNumber", vat).stored());
        }
        Company company = companies.save(new Company(legalName, vat, country, city, naceCode, ownFigures,
                relatedEnterprises, clock.instant()));
        figures.save(new CompanyFigures(company, company.getCreatedAt()));
        return company;
    }

    /**
     * One of the user's companies, locked until the transaction ends; the id only chooses among them (a user may act
     * for several), so that nobody reaches a company they do not act for.
     */
    @Transactional
    public Company lockOwn(String username, Long companyId) {
        Company company = companies.lockById(companyId).orElse(null);
        if (company == null || !company.hasContact(username)) {
            throw new NotFoundException(Phrase.of("refusal.company.notYours").stored());
        }
        return company;
    }

    /**
     * What the company's user declares about it now: its address, and its figures as a new revision if they changed
     * (earlier revisions stay, each application keeps its own). Refuses it whole ({@link InvalidInputException}, by
     * field, as phrases) if a rule is broken; the audit trail says who changed what.
     */
    @Transactional
    public void update(String username, Long companyId, CompanyDetails details) {
        Company company = lockOwn(username, companyId);
        List<SignUpProblem> problems = new ArrayList<>();
        CompanyRules.figureProblems(details.figures(), problems);
        CompanyRules.relatedProblems(details.relatedEnterprises(), problems);
        CompanyRules.relatedFigureProblems(details.relatedEnterprises(), problems);
        int thisYear = LocalDate.now(clock.withZone(properties.timeZone())).getYear();
        if (details.referenceYear() < thisYear - 5 || details.referenceYear() > thisYear) {
            problems.add(new SignUpProblem("referenceYear", "referenceYear",
                    "The figures are those of one of the last closed financial years."));
        }
        if (!VatNumbers.countries().contains(details.country())) {
            problems.add(new SignUpProblem("country", "country.unknown", "Choose a country of the European Union."));
        } else if (VatNumbers.problem(details.country(), company.getVatNumber()).isPresent()) {
            problems.add(new SignUpProblem("country", "country.vat",
                    "The company's VAT number is not one of this country."));
        }
        refuse(problems);
        List<String> changes = new ArrayList<>();
        change(changes, "address", company.getAddress(), details.address());
        change(changes, "city", company.getCity(), details.city());
        change(changes, "country", company.getCountry(), details.country());
        company.move(details.address(), details.city(), details.country());
        List<String> figureChanges = figureChanges(company, details);
        if (!figureChanges.isEmpty()) {
            company.declareFigures(details.referenceYear(), details.figures(), details.relatedEnterprises());
            figures.save(new CompanyFigures(company, clock.instant()));
            changes.add("figures revision " + company.getFiguresRevision() + ": " + String.join(", ", figureChanges));
        }
        if (!changes.isEmpty()) {
            // Address and city are named, not quoted: the trail stays when the company is anonymised.
            audit.record(company, username, "COMPANY_UPDATED", null, String.join("; ", changes) + ".");
        }
    }

    /** De minimis aid the company received since it signed up, declared by one of its users; audited. */
    @Transactional
    public void declareAid(String username, Long companyId, SignUp.DeclaredAid aid) {
        Company company = lockOwn(username, companyId);
        List<SignUpProblem> problems = new ArrayList<>();
        CompanyRules.aidProblems(aid, "aid", LocalDate.now(clock.withZone(properties.timeZone())), problems);
        refuse(problems);
        recordDeclaredAid(companyId, aid.grantedOn(), aid.amount(), aid.grantingBody().strip());
        audit.record(company, username, "DE_MINIMIS_AID_DECLARED", null, Formats.euros(aid.amount()) + " granted on "
                + aid.grantedOn() + " by " + aid.grantingBody().strip() + ".");
    }

    /** A revision of the company's figures. */
    @Transactional(readOnly = true)
    public CompanyFigures figures(Long companyId, Integer revision) {
        return figures.findByCompanyIdAndRevision(companyId, revision).orElseThrow(() -> new NotFoundException(
                Phrase.of("refusal.company.noFigures").text("revision", revision).text("companyId", companyId).stored()));
    }

    /** Every revision of the company's figures, the first first. */
    @Transactional(readOnly = true)
    public List<CompanyFigures> figuresHistory(Long companyId) {
        return figures.findByCompanyIdOrderByRevision(companyId);
    }

    private static void refuse(List<SignUpProblem> problems) {
        if (!problems.isEmpty()) {
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            problems.forEach(problem -> fieldErrors.putIfAbsent(problem.field(),
                    Phrase.of("refusal.company." + problem.code()).stored()));
            throw new InvalidInputException(fieldErrors);
        }
    }

    private static void change(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what);
        }
    }

    /** What differs in the figures, old to new; names of related enterprises are not quoted (see {@link #update}). */
    private static List<String> figureChanges(Company company, CompanyDetails details) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(company.getReferenceYear(), details.referenceYear())) {
            changes.add("reference year " + company.getReferenceYear() + " → " + details.referenceYear());
        }
        SmeFigures own = details.figures();
        figureChange(changes, "staff headcount", company.getStaffHeadcount(), own.staffHeadcount(), false);
        figureChange(changes, "annual turnover", company.getAnnualTurnover(), own.annualTurnover(), true);
        figureChange(changes, "balance sheet total", company.getBalanceSheetTotal(), own.balanceSheetTotal(), true);
        List<RelatedEnterprise> before = company.getRelatedEnterprises();
        List<RelatedEnterprise> after = details.relatedEnterprises();
        boolean same = before.size() == after.size();
        for (int i = 0; same && i < before.size(); i++) {
            same = before.get(i).sameAs(after.get(i));
        }
        if (!same) {
            changes.add("partner and linked enterprises " + describe(before) + " → " + describe(after));
        }
        return changes;
    }

    private static void figureChange(List<String> changes, String what, BigDecimal before, BigDecimal after,
            boolean euros) {
        if (before.compareTo(after) != 0) {
            changes.add(what + " " + (euros ? Formats.euros(before) + " → " + Formats.euros(after)
                    : Formats.number(before) + " → " + Formats.number(after)));
        }
    }

    private static String describe(List<RelatedEnterprise> related) {
        return related.isEmpty() ? "none" : related.stream()
                .map(r -> r.getRelation().name().toLowerCase() + " " + Formats.number(r.getSharePercent()) + " %")
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** Sets where the company is (decimal degrees), for distance-band reimbursement. */
    @Transactional
    public void locate(Long companyId, BigDecimal latitude, BigDecimal longitude) {
        lock(companyId).locate(latitude, longitude);
    }

    @Transactional
    public void addContact(Long companyId, String username) {
        get(companyId).addContact(username);
    }

    @Transactional
    public Membership recordMembership(Long companyId, String clusterId, String memberNumber, LocalDate validFrom,
            LocalDate validUntil) {
        return memberships.save(new Membership(companyId, clusterId, memberNumber, validFrom, validUntil));
    }

    /** Aid paid through ClusterCalls enters the company's de minimis ledger with the payment's reference. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordGrantedAid(Long companyId, LocalDate grantedOn, BigDecimal amount, String grantingBody,
            String reference) {
        aidRecords.save(new AidRecord(companyId, grantedOn, amount, grantingBody, AidRecord.Source.CLUSTERCALLS, reference));
    }

    @Transactional
    public void recordDeclaredAid(Long companyId, LocalDate grantedOn, BigDecimal amount, String grantingBody) {
        aidRecords.save(new AidRecord(companyId, grantedOn, amount, grantingBody, AidRecord.Source.DECLARED, null));
    }

    /** The company's de minimis ledger, oldest first. */
    @Transactional(readOnly = true)
    public List<AidRecord> aidRecordsOf(Long companyId) {
        return aidRecords.findByCompanyIdOrderByGrantedOnAscIdAsc(companyId);
    }

    /** The ledger as its company's users, or the staff of a cluster it belongs to, may read it. */
    @Transactional(readOnly = true)
    public List<AidRecord> aidRecordsFor(String username, Long companyId) {
        Company company = companies.findById(companyId).orElse(null);
        boolean allowed = company != null && (company.hasContact(username) || memberships.findByCompanyId(companyId)
                .stream().anyMatch(membership -> staff.worksFor(username, membership.getClusterId())));
        if (!allowed) {
            throw new NotFoundException(Phrase.of("refusal.company.none").text("companyId", companyId).stored());
        }
        return aidRecordsOf(companyId);
    }

    /** Replaces what identifies the company and unlinks its users (see {@link Company#anonymise}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void anonymise(Long companyId) {
        lock(companyId).anonymise(clock.instant());
        figures.findByCompanyIdOrderByRevision(companyId).forEach(CompanyFigures::anonymise);
    }

    @Transactional(readOnly = true)
    public List<Membership> membershipsOf(Long companyId) {
        return memberships.findByCompanyId(companyId);
    }

    @Transactional(readOnly = true)
    public Company get(Long companyId) {
        return companies.findById(companyId).orElseThrow(() -> new NotFoundException(
                Phrase.of("refusal.company.none").text("companyId", companyId).stored()));
    }

    /** Locks the company row until the transaction ends. */
    @Transactional
    public Company lock(Long companyId) {
        return companies.lockById(companyId).orElseThrow(() -> new NotFoundException(
                Phrase.of("refusal.company.none").text("companyId", companyId).stored()));
    }

    @Transactional(readOnly = true)
    public List<Company> companiesOf(String username) {
        return companies.findByContact(username);
    }

    @Transactional(readOnly = true)
    public Optional<Membership> membership(Long companyId, String clusterId) {
        return memberships.findByCompanyIdAndClusterId(companyId, clusterId);
    }

    /** The contact users of each of these companies, read at once. */
    @Transactional(readOnly = true)
    public Map<Long, Set<String>> contactsOf(Collection<Long> companyIds) {
        return companies.findAllById(companyIds).stream().collect(Collectors.toMap(Company::getId, Company::getContacts));
    }

    @Transactional(readOnly = true)
    public Map<Long, String> legalNamesOf(Collection<Long> companyIds) {
        return companies.findAllById(companyIds).stream().collect(Collectors.toMap(Company::getId, Company::getLegalName));
    }

    /** Contact users of the companies that are members of the cluster on that day. */
    @Transactional(readOnly = true)
    public List<String> memberContacts(String clusterId, LocalDate day) {
        List<Long> memberIds = memberships.findByClusterId(clusterId).stream()
                .filter(m -> m.isValidOn(day))
                .map(Membership::getCompanyId)
                .toList();
        return companies.findAllById(memberIds).stream()
                .flatMap(c -> c.getContacts().stream())
                .distinct()
                .sorted()
                .toList();
    }

    /** Aid in the rolling three years that end on that day (Regulation (EU) 2023/2831, Article 3(2)). */
    @Transactional(readOnly = true)
    public BigDecimal aidInThreeYearsUntil(Long companyId, LocalDate day) {
        return aidRecords.sumGranted(companyId, day.minusYears(3), day);
    }
}
