package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.MultiValueMap;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.company.MembershipRequestService;
import eu.clustercalls.company.RelatedEnterprise;
import eu.clustercalls.security.Roles;

@ClusterCallsTest
class CompanyPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scenario scenario;
    @Autowired
    CompanyService companies;
    @Autowired
    MembershipRequestService requests;

    @Test
    void profileShowsTheCompanyItsRelatedEnterprisesSizeMembershipsAndAid() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        // Micro on its own figures; the linked enterprise's 45 staff, counted in full, make it medium-sized.
        Company company = scenario.company(Scenario.figures(8, "1500000", "1000000"), List.of(new RelatedEnterprise(
                "Linked Holding SA", RelatedEnterprise.Relation.LINKED, new BigDecimal("60"),
                Scenario.figures(45, "8000000", "7000000"))));
        companies.recordMembership(company.getId(), cluster.id(), "AEI-77", LocalDate.of(2021, 3, 1), null);
        companies.recordDeclaredAid(company.getId(), LocalDate.of(2025, 5, 10), new BigDecimal("4321.50"), "ACCIÓ");

        String body = page(Scenario.contactOf(company), "en");

        assertThat(Html.tag(body, "company-profile")).isNotNull();
        assertThat(body).contains(company.getLegalName(), company.getVatNumber(), "Terrassa", "13.20", "Spain",
                "Linked Holding SA", "Linked enterprise", "Medium-sized enterprise", cluster.name(), "AEI-77",
                "1 March 2021", "€4,321.50", "ACCIÓ", "Declared by your company");
        assertThat(Html.text(body, "sme-size")).isEqualTo("Medium-sized enterprise");
    }

    @Test
    void profileShowsPendingAndRejectedMembershipRequestsWithTheReason() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        MultiValueMap<String, String> form = SignUpForms.valid(cluster.id());
        String username = SignUps.register(mvc, jdbc, form);
        Long companyId = companies.companiesOf(username).get(0).getId();

        assertThat(page(username, "en")).contains("Waiting for the cluster",
                form.getFirst("memberNumber"), "Your company is not a confirmed member of any cluster.");

        requests.reject(requests.requestsOf(companyId).get(0).getId(), cluster.manager(),
                "There is no member with this number in our register.");

        assertThat(page(username, "en")).contains("Rejected",
                "There is no member with this number in our register.");
    }

    @Test
    void anotherSmeUserSeesOnlyTheirOwnCompany() throws Exception {
        Company victim = scenario.company(Scenario.figures(5, "500000", "400000"), List.of());
        Company other = scenario.company(Scenario.figures(5, "500000", "400000"), List.of());

        String body = page(Scenario.contactOf(other), "en");

        assertThat(body).contains(other.getVatNumber(), other.getLegalName());
        assertThat(body).doesNotContain(victim.getVatNumber()).doesNotContain(victim.getLegalName());
    }

    @Test
    void profileRendersInSpanishAndCatalan() throws Exception {
        Company company = scenario.memberCompany(scenario.cluster());
        companies.recordDeclaredAid(company.getId(), LocalDate.of(2025, 5, 10), new BigDecimal("1000"), "ACCIÓ");

        String spanish = page(Scenario.contactOf(company), "es");
        String catalan = page(Scenario.contactOf(company), "ca");

        assertThat(spanish).doesNotContain("??").contains("Su empresa", "Microempresa", "España");
        assertThat(catalan).doesNotContain("??").contains("La vostra empresa", "Microempresa", "Espanya");
    }

    @Test
    void theProfileNeedsASignedInSmeUser() throws Exception {
        mvc.perform(get("/portal/company")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/portal/company").with(user("someone").authorities(
                new SimpleGrantedAuthority(Roles.CALL_MANAGERS)))).andExpect(status().isForbidden());
    }

    private String page(String username, String language) throws Exception {
        return mvc.perform(get("/portal/company").param("lang", language).with(sme(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static RequestPostProcessor sme(String username) {
        return user(username).authorities(new SimpleGrantedAuthority(Roles.SME));
    }
}
