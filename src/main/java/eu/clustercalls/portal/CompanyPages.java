package eu.clustercalls.portal;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import eu.clustercalls.company.AidRecord;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.company.MembershipRequest;
import eu.clustercalls.company.MembershipRequestService;
import eu.clustercalls.company.Membership;
import eu.clustercalls.company.SmeFigures;
import eu.clustercalls.organisation.ClusterOrganisationService;

/** The profile of the companies the signed-in user acts for: who they are, their size, memberships and aid. */
@Controller
class CompanyPages {

    private final CompanyService companies;
    private final MembershipRequestService requests;
    private final ClusterOrganisationService clusters;

    CompanyPages(CompanyService companies, MembershipRequestService requests, ClusterOrganisationService clusters) {
        this.companies = companies;
        this.requests = requests;
        this.clusters = clusters;
    }

    @GetMapping("/portal/company")
    String profile(Authentication user, Model model, Locale locale) {
        model.addAttribute("profiles", companies.companiesOf(user.getName()).stream()
                .map(company -> profile(company, locale)).toList());
        model.addAttribute("clusterNames", clusters.names());
        return "portal/company";
    }

    private Profile profile(Company company, Locale locale) {
        String country = new Locale.Builder().setRegion(company.getCountry()).build().getDisplayCountry(locale);
        return new Profile(company, country, company.smeFigures(), companies.membershipsOf(company.getId()),
                requests.requestsOf(company.getId()).stream()
                        .filter(request -> request.getStatus() != MembershipRequest.Status.CONFIRMED).toList(),
                companies.aidRecordsOf(company.getId()));
    }

    /** A company with the figures that decide its size, its memberships, its open or refused claims and its ledger. */
    record Profile(Company company, String countryName, SmeFigures counted, List<Membership> memberships,
            List<MembershipRequest> requests, List<AidRecord> aid) {
    }
}
