package eu.clustercalls.company;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.security.StaffDirectory;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;

/** Companies, the users who act for them, their cluster memberships and their de minimis ledger. */
@Service
public class CompanyService {

    private final CompanyRepository companies;
    private final MembershipRepository memberships;
    private final AidRecordRepository aidRecords;
    private final StaffDirectory staff;
    private final Clock clock;

    CompanyService(CompanyRepository companies, MembershipRepository memberships, AidRecordRepository aidRecords,
            StaffDirectory staff, Clock clock) {
        this.companies = companies;
        this.memberships = memberships;
        this.aidRecords = aidRecords;
        this.staff = staff;
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
            throw new InvalidInputException("vatNumber", "A company with VAT number " + vat + " is already registered.");
        }
        return companies.save(new Company(legalName, vat, country, city, naceCode, ownFigures, relatedEnterprises,
                clock.instant()));
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
            throw new NotFoundException("There is no company " + companyId + " that you may see.");
        }
        return aidRecordsOf(companyId);
    }

    /** Replaces what identifies the company and unlinks its users (see {@link Company#anonymise}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void anonymise(Long companyId) {
        lock(companyId).anonymise(clock.instant());
    }

    @Transactional(readOnly = true)
    public List<Membership> membershipsOf(Long companyId) {
        return memberships.findByCompanyId(companyId);
    }

    @Transactional(readOnly = true)
    public Company get(Long companyId) {
        return companies.findById(companyId).orElseThrow(() -> new NotFoundException("No company " + companyId + "."));
    }

    /** Locks the company row until the transaction ends. */
    @Transactional
    public Company lock(Long companyId) {
        return companies.lockById(companyId).orElseThrow(() -> new NotFoundException("No company " + companyId + "."));
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
