package eu.clustercalls.dashboard;

import static eu.clustercalls.portal.Html.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.MultiValueMap;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.company.MembershipRequest;
import eu.clustercalls.company.MembershipRequestService;
import eu.clustercalls.portal.Html;
import eu.clustercalls.portal.SignUpForms;
import eu.clustercalls.portal.SignUps;
import eu.clustercalls.security.Roles;
import eu.clustercalls.support.ForbiddenException;

@ClusterCallsTest
class MembershipPagesTest {

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
    @Autowired
    AuditService audit;

    @Test
    void managerConfirmsMembershipAndTheCompanyCanThenApplyToAMembersOnlyCall() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        MultiValueMap<String, String> form = SignUpForms.valid(cluster.id());
        Company company = signUp(form);
        MembershipRequest request = requests.requestsOf(company.getId()).get(0);
        assertThatThrownBy(() -> scenario.apply(call, company, new BigDecimal("1500")))
                .isInstanceOf(ForbiddenException.class);

        String list = mvc.perform(get("/dashboard/memberships").with(manager(cluster.manager())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(company.getLegalName(), company.getVatNumber(), form.getFirst("memberNumber"),
                "Micro enterprise");
        assertThat(Html.tag(list, "confirm-membership-" + request.getId())).isNotNull();

        mvc.perform(post("/dashboard/memberships/{id}/confirm", request.getId()).with(manager(cluster.manager()))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/dashboard/memberships?confirmed"));

        assertThat(companies.membership(company.getId(), cluster.id())).hasValueSatisfying(membership -> {
            assertThat(membership.getMemberNumber()).isEqualTo(form.getFirst("memberNumber"));
            assertThat(membership.getValidFrom()).isEqualTo(scenario.today());
            assertThat(membership.getValidUntil()).isNull();
        });
        assertThat(requests.requestsOf(company.getId()).get(0).getStatus())
                .isEqualTo(MembershipRequest.Status.CONFIRMED);
        assertThat(audit.trailOf(request)).extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly(tuple("MEMBERSHIP_CONFIRMED", cluster.manager()));
        Application application = scenario.apply(call, company, new BigDecimal("1500"));
        assertThat(application.getCompanyId()).isEqualTo(company.getId());
        assertThat(mvc.perform(get("/dashboard/memberships").with(manager(cluster.manager())))
                .andReturn().getResponse().getContentAsString()).doesNotContain(company.getVatNumber());
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgain() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        Company company = signUp(SignUpForms.valid(cluster.id()));
        Long requestId = requests.requestsOf(company.getId()).get(0).getId();
        mvc.perform(post("/dashboard/memberships/{id}/confirm", requestId).with(manager(cluster.manager()))
                .with(csrf())).andExpect(status().isFound());

        mvc.perform(post("/dashboard/memberships/{id}/reject", requestId).param("reason", "Changed my mind")
                .with(manager(cluster.secondManager())).with(csrf())).andExpect(status().isConflict());
        mvc.perform(post("/dashboard/memberships/{id}/confirm", requestId).with(manager(cluster.secondManager()))
                .with(csrf())).andExpect(status().isConflict());
        assertThat(requests.requestsOf(company.getId()).get(0).getStatus())
                .isEqualTo(MembershipRequest.Status.CONFIRMED);
    }

    @Test
    void managerOfAnotherClusterNeitherSeesNorDecidesTheRequest() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        Scenario.Cluster other = scenario.cluster();
        Company company = signUp(SignUpForms.valid(cluster.id()));
        Long requestId = requests.requestsOf(company.getId()).get(0).getId();

        String list = mvc.perform(get("/dashboard/memberships").with(manager(other.manager())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/dashboard/memberships/{id}/confirm", requestId).with(manager(other.manager()))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/dashboard/memberships/{id}/reject", requestId).param("reason", "Not ours")
                .with(manager(other.manager())).with(csrf())).andExpect(status().isNotFound());

        assertThat(list).doesNotContain(company.getVatNumber()).doesNotContain(company.getLegalName());
        assertThat(companies.membership(company.getId(), cluster.id())).isEmpty();
        assertThat(requests.requestsOf(company.getId()).get(0).getStatus()).isEqualTo(MembershipRequest.Status.PENDING);
    }

    @Test
    void smeUserMayNotOpenTheMembershipRequests() throws Exception {
        mvc.perform(get("/dashboard/memberships").with(user("sme-someone").authorities(
                new SimpleGrantedAuthority(Roles.SME)))).andExpect(status().isForbidden());
    }

    @Test
    void confirmingWithoutCsrfTokenIsRefused() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        Company company = signUp(SignUpForms.valid(cluster.id()));
        Long requestId = requests.requestsOf(company.getId()).get(0).getId();

        mvc.perform(post("/dashboard/memberships/{id}/confirm", requestId).with(manager(cluster.manager())))
                .andExpect(status().isForbidden());

        assertThat(companies.membership(company.getId(), cluster.id())).isEmpty();
    }

    @Test
    void rejectingWithoutReasonShowsTheErrorNextToTheReason() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        Company company = signUp(SignUpForms.valid(cluster.id()));
        MembershipRequest request = requests.requestsOf(company.getId()).get(0);

        String body = mvc.perform(post("/dashboard/memberships/{id}/reject", request.getId()).param("reason", "  ")
                        .with(manager(cluster.manager())).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertFieldError(body, "reason-" + request.getId(), "Give the reason");
        assertThat(requests.requestsOf(company.getId()).get(0).getStatus()).isEqualTo(MembershipRequest.Status.PENDING);

        mvc.perform(post("/dashboard/memberships/{id}/reject", request.getId())
                        .param("reason", "No member with this number.").with(manager(cluster.manager())).with(csrf()))
                .andExpect(status().isFound());

        MembershipRequest rejected = requests.requestsOf(company.getId()).get(0);
        assertThat(rejected.getStatus()).isEqualTo(MembershipRequest.Status.REJECTED);
        assertThat(rejected.getReason()).isEqualTo("No member with this number.");
        assertThat(rejected.getDecidedBy()).isEqualTo(cluster.manager());
        assertThat(audit.trailOf(request)).extracting(AuditEvent::getAction).containsExactly("MEMBERSHIP_REJECTED");
        assertThat(companies.membership(company.getId(), cluster.id())).isEmpty();
    }

    @Test
    void membershipRequestsRenderInSpanishAndCatalan() throws Exception {
        Scenario.Cluster cluster = scenario.cluster();
        signUp(SignUpForms.valid(cluster.id()));

        for (String language : new String[] {"es", "ca"}) {
            String body = mvc.perform(get("/dashboard/memberships").param("lang", language)
                    .with(manager(cluster.manager()))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(body).doesNotContain("??").contains(language.equals("es") ? "Solicitudes de afiliación"
                    : "Sol·licituds");
        }
    }

    private Company signUp(MultiValueMap<String, String> form) throws Exception {
        return companies.companiesOf(SignUps.register(mvc, jdbc, form)).get(0);
    }

    private static RequestPostProcessor manager(String username) {
        return user(username).authorities(new SimpleGrantedAuthority(Roles.CALL_MANAGERS));
    }
}
