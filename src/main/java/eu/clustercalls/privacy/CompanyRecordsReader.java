package eu.clustercalls.privacy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationService;
import eu.clustercalls.application.ClarificationRequest;
import eu.clustercalls.application.EligibilityService;
import eu.clustercalls.company.Company;
import eu.clustercalls.reimbursement.ClaimService;
import eu.clustercalls.reimbursement.ExpenseClaim;

@Component
class CompanyRecordsReader {

    private final ApplicationService applications;
    private final EligibilityService eligibility;
    private final ClaimService claims;

    CompanyRecordsReader(ApplicationService applications, EligibilityService eligibility, ClaimService claims) {
        this.applications = applications;
        this.eligibility = eligibility;
        this.claims = claims;
    }

    @Transactional(readOnly = true)
    public CompanyRecords read(Company company) {
        List<Application> applied = applications.applicationsOfCompany(company.getId());
        Map<Long, List<ClarificationRequest>> clarifications = new HashMap<>();
        applied.forEach(application -> clarifications.put(application.getId(),
                eligibility.clarificationsOf(application.getId())));
        Map<Long, ExpenseClaim> claimed = claims.claimsOfCompany(company.getId()).stream()
                .collect(Collectors.toMap(ExpenseClaim::getApplicationId, claim -> claim));
        Set<String> people = new TreeSet<>(company.getContacts());
        applied.forEach(application -> people.add(application.getSubmittedBy()));
        clarifications.values().forEach(rounds -> rounds.stream().map(ClarificationRequest::getAnsweredBy)
                .filter(Objects::nonNull).forEach(people::add));
        claimed.values().stream().map(ExpenseClaim::getSubmittedBy).filter(Objects::nonNull).forEach(people::add);
        return new CompanyRecords(company, applied, clarifications, claimed, people);
    }
}
