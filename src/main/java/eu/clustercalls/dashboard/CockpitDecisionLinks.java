package eu.clustercalls.dashboard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationProcess;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.StaffLink;

/**
 * An application's eligibility decision by its reference, from Cockpit (the "Eligibility decision" tab of an
 * application's instance, cockpit/scripts/clustercalls/eligibility-decision.js), in the browser signed in to the
 * Camunda webapps: Cockpit's own decision list cannot search by business key. Who may follow it is the dashboard's
 * rule: the call's cluster's call managers, and administrators.
 */
@Controller
@Hidden
@StaffLink
class CockpitDecisionLinks {

    private static final Pattern REFERENCE = Pattern.compile(Pattern.quote(ApplicationProcess.BUSINESS_KEY_PREFIX) + "(\\d{1,18})");

    private final DashboardService dashboard;
    private final ApplicationRepository applications;
    private final EligibilityDecisions decisions;

    CockpitDecisionLinks(DashboardService dashboard, ApplicationRepository applications, EligibilityDecisions decisions) {
        this.dashboard = dashboard;
        this.applications = applications;
        this.decisions = decisions;
    }

    @GetMapping("/staff/applications/{reference}/eligibility-decision")
    String eligibilityDecision(@PathVariable String reference, Authentication user) {
        Matcher id = REFERENCE.matcher(reference);
        Application application = id.matches() ? applications.findById(Long.valueOf(id.group(1))).orElse(null) : null;
        if (application == null || !dashboard.manages(user.getName(), application.getCallId())) {
            // Another cluster's application is answered as one that does not exist.
            throw new NotFoundException("There is no application " + reference + " that you may see.");
        }
        return "redirect:" + decisions.cockpitPage(application);
    }
}
