package eu.clustercalls.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ClarificationRequest;
import eu.clustercalls.audit.Audited;
import eu.clustercalls.company.Company;
import eu.clustercalls.reimbursement.ExpenseClaim;

/**
 * What ClusterCalls keeps about a company, read at once.
 *
 * @param clarifications the clarification rounds per application id
 * @param claims         the expense claim per application id, where there is one
 * @param people         every user who acted for the company: its contact users and whoever submitted, answered
 *                       or claimed for it (someone who has left it since is still in its records), in name order
 */
record CompanyRecords(Company company, List<Application> applications,
        Map<Long, List<ClarificationRequest>> clarifications, Map<Long, ExpenseClaim> claims, Set<String> people) {

    /** The company and everything of it that has an audit trail. */
    List<Audited> audited() {
        List<Audited> audited = new ArrayList<>();
        audited.add(company);
        audited.addAll(applications);
        audited.addAll(claims.values());
        return audited;
    }

    /** The application and travel-reimbursement processes of the company. */
    List<String> processInstanceIds() {
        return Stream.concat(applications.stream().map(Application::getProcessInstanceId),
                claims.values().stream().map(ExpenseClaim::getProcessInstanceId))
                .filter(id -> id != null).toList();
    }
}
