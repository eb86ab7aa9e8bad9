package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.company.AidRecord;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyFigures;
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
    @Autowired
    AuditService audit;

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

    @Test
    void aUserOfTheCompanyUpdatesItsAddressAndFiguresAsANewRevisionAndTheOldOneIsKept() throws Exception {
        Company company = scenario.company(Scenario.figures(8, "1500000", "1000000"), List.of());
        String user = Scenario.contactOf(company);
        String form = mvc.perform(get("/portal/company/" + company.getId() + "/edit").with(sme(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Html.attribute(Html.tag(form, "city"), "value")).isEqualTo("Terrassa");
        assertThat(Html.attribute(Html.tag(form, "staffHeadcount"), "value")).isEqualTo("8");
        assertThat(Html.tag(form, "vatNumber")).as("the VAT number is not editable").isNull();

        mvc.perform(post("/portal/company/" + company.getId() + "/edit").params(edit(company, values -> {
            values.set("address", "Carrer de la Rasa 12");
            values.set("city", "Sabadell");
            values.set("staffHeadcount", "60");
            values.set("related0Name", "Filats SA");
            values.set("related0Relation", "PARTNER");
            values.set("related0Share", "30");
            values.set("related0Staff", "20");
            values.set("related0Turnover", "2000000");
            values.set("related0BalanceSheet", "1000000");
            // Not a field of the form: the VAT number stays.
            values.set("vatNumber", "ESB99999999");
        })).with(csrf()).with(sme(user)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/portal/company#company-" + company.getId()));

        Company saved = companies.get(company.getId());
        assertThat(saved.getCity()).isEqualTo("Sabadell");
        assertThat(saved.getAddress()).isEqualTo("Carrer de la Rasa 12");
        assertThat(saved.getVatNumber()).isEqualTo(company.getVatNumber());
        assertThat(saved.getReferenceYear()).isEqualTo(scenario.today().getYear() - 1);
        assertThat(saved.getRelatedEnterprises()).singleElement()
                .satisfies(related -> assertThat(related.getName()).isEqualTo("Filats SA"));
        // 60 staff + 30 % of 20: medium-sized now.
        assertThat(saved.smeFigures().size().name()).isEqualTo("MEDIUM");
        List<CompanyFigures> history = companies.figuresHistory(company.getId());
        assertThat(history).extracting(CompanyFigures::getRevision).containsExactly(1, 2);
        assertThat(history.get(0).getStaffHeadcount()).isEqualByComparingTo("8");
        assertThat(history.get(0).getRelatedEnterprises()).isEmpty();
        assertThat(history.get(1).getStaffHeadcount()).isEqualByComparingTo("60");
        assertThat(audit.trailOf(saved)).singleElement().satisfies(event -> {
            assertThat(event.getActor()).isEqualTo(user);
            assertThat(event.getAction()).isEqualTo("COMPANY_UPDATED");
            assertThat(event.getReason()).contains("address", "city", "figures revision 2", "staff headcount 8 → 60",
                    "(partner 30 %)").doesNotContain("Sabadell", "Filats");
        });
        String profile = mvc.perform(get("/portal/company").flashAttr("saved", true).with(sme(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Html.text(profile, "company-saved")).isEqualTo("Your company’s details are saved.");
        assertThat(profile).contains("Carrer de la Rasa 12", "Sabadell", "Medium-sized enterprise", "Filats SA");
        assertThat(Html.tag(profile, "earlier-figures-" + company.getId()).text()).contains("Earlier figures", "8",
                "€1,500,000.00", "Micro enterprise");
        assertThat(Html.text(profile, "figures-declared-" + company.getId())).startsWith("As declared on ")
                .endsWith("for the financial year " + (scenario.today().getYear() - 1));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "staffHeadcount       | -1         | Please give a number of zero or more",
            "annualTurnover       | -5         | Please give a number of zero or more",
            "staffHeadcount       | 1000000000 | This headcount is far too large for an enterprise",
            "related0Share        | 20         | A partner enterprise holds from 25 % to 50 %",
            "related0Share        | 60         | A partner enterprise holds from 25 % to 50 %",
            "related0Share/LINKED | 50         | A linked enterprise holds more than 50 % and at most 100 %",
            "related0Staff        | -3         | Please give a number of zero or more",
            "referenceYear        | 2999       | Give the financial year of the figures",
            "country              | FR         | Your company’s VAT number is not one of this country",
            "staffHeadcount       | many       | Please give a number" })
    void aBadValueIsRefusedNextToItsFieldAndNothingIsWritten(String field, String value, String message)
            throws Exception {
        Company company = scenario.company(Scenario.figures(8, "1500000", "1000000"), List.of());
        String user = Scenario.contactOf(company);
        String name = field.replace("/LINKED", "");

        String body = mvc.perform(post("/portal/company/" + company.getId() + "/edit").params(edit(company, values -> {
            values.set("city", "Sabadell");
            values.set("related0Name", "Filats SA");
            values.set("related0Relation", field.endsWith("/LINKED") ? "LINKED" : "PARTNER");
            values.set("related0Share", "30");
            values.set("related0Staff", "20");
            values.set("related0Turnover", "2000000");
            values.set("related0BalanceSheet", "1000000");
            values.set(name, value);
        })).with(csrf()).with(sme(user))).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();

        Html.assertFieldError(body, name, message);
        assertUnchanged(company);
    }

    @Test
    void theRefusalIsInTheReadersLanguage() throws Exception {
        Company company = scenario.company(Scenario.figures(8, "1500000", "1000000"), List.of());
        String user = Scenario.contactOf(company);
        Map<String, String> expected = Map.of("es", "Esta plantilla es demasiado grande para una empresa",
                "ca", "Aquesta plantilla és massa gran per a una empresa: comproveu-la");
        for (Map.Entry<String, String> language : expected.entrySet()) {
            String body = mvc.perform(post("/portal/company/" + company.getId() + "/edit").param("lang", language.getKey())
                    .params(edit(company, values -> values.set("staffHeadcount", "1000000000")))
                    .with(csrf()).with(sme(user))).andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString();
            Html.assertFieldError(body, "staffHeadcount", language.getValue());
        }
        assertUnchanged(company);
    }

    @Test
    void nobodyEditsACompanyTheyDoNotActFor() throws Exception {
        Company victim = scenario.company(Scenario.figures(8, "1500000", "1000000"), List.of());
        Company own = scenario.company(Scenario.figures(5, "500000", "400000"), List.of());

        mvc.perform(get("/portal/company/" + victim.getId() + "/edit").with(sme(Scenario.contactOf(own))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/portal/company/" + victim.getId() + "/edit").params(edit(victim, values -> { }))
                .with(csrf()).with(sme(Scenario.contactOf(own)))).andExpect(status().isNotFound());
        mvc.perform(post("/portal/company/" + victim.getId() + "/aid").params(aid("2025-05-10", "1000", "ACCIÓ"))
                .with(csrf()).with(sme(Scenario.contactOf(own)))).andExpect(status().isNotFound());

        assertUnchanged(victim);
    }

    @Test
    void aUserDeclaresAidReceivedSinceSignUpAndItJoinsTheLedger() throws Exception {
        Company company = scenario.company(Scenario.figures(8, "1500000", "1000000"), List.of());
        String user = Scenario.contactOf(company);
        LocalDate grantedOn = scenario.today().minusMonths(2);

        mvc.perform(post("/portal/company/" + company.getId() + "/aid")
                .params(aid(grantedOn.toString(), "12500.50", "Generalitat de Catalunya")).with(csrf()).with(sme(user)))
                .andExpect(status().isFound());

        assertThat(companies.aidRecordsOf(company.getId())).singleElement().satisfies(aid -> {
            assertThat(aid.getSource()).isEqualTo(AidRecord.Source.DECLARED);
            assertThat(aid.getAmount()).isEqualByComparingTo("12500.50");
            assertThat(aid.getGrantingBody()).isEqualTo("Generalitat de Catalunya");
        });
        // The ledger the eligibility check sums.
        assertThat(companies.aidInThreeYearsUntil(company.getId(), scenario.today())).isEqualByComparingTo("12500.50");
        assertThat(audit.trailOf(company)).singleElement().satisfies(event -> {
            assertThat(event.getActor()).isEqualTo(user);
            assertThat(event.getAction()).isEqualTo("DE_MINIMIS_AID_DECLARED");
        });
        assertThat(page(user, "en")).contains("€12,500.50", "Generalitat de Catalunya", "Declared by your company");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "aidGrantedOn    | tomorrow | The aid must already have been granted",
            "aidAmount       | 0        | The amount must be more than zero.",
            "aidAmount       | -10      | Please give a number of zero or more",
            "aidAmount       | 5000000000 | De minimis aid is at most €300,000",
            "aidGrantingBody | ' '      | Please say which body granted the aid." })
    void badAidIsRefusedNextToItsFieldAndNothingIsWritten(String field, String value, String message)
            throws Exception {
        Company company = scenario.company(Scenario.figures(8, "1500000", "1000000"), List.of());
        MultiValueMap<String, String> form = aid(scenario.today().minusDays(1).toString(), "1000", "ACCIÓ");
        form.set(field, value.equals("tomorrow") ? scenario.today().plusDays(1).toString() : value);

        String body = mvc.perform(post("/portal/company/" + company.getId() + "/aid").params(form).with(csrf())
                .with(sme(Scenario.contactOf(company)))).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();

        Html.assertFieldError(body, field, message);
        assertThat(companies.aidRecordsOf(company.getId())).isEmpty();
        assertThat(audit.trailOf(company)).isEmpty();
    }

    /** The edit form as the page fills it, with the changes. */
    private MultiValueMap<String, String> edit(Company company, Consumer<MultiValueMap<String, String>> changes) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.set("address", "");
        values.set("city", company.getCity());
        values.set("country", company.getCountry());
        values.set("referenceYear", String.valueOf(scenario.today().getYear() - 1));
        values.set("staffHeadcount", company.getStaffHeadcount().stripTrailingZeros().toPlainString());
        values.set("annualTurnover", company.getAnnualTurnover().stripTrailingZeros().toPlainString());
        values.set("balanceSheetTotal", company.getBalanceSheetTotal().stripTrailingZeros().toPlainString());
        changes.accept(values);
        return values;
    }

    private static MultiValueMap<String, String> aid(String grantedOn, String amount, String grantingBody) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.set("aidGrantedOn", grantedOn);
        values.set("aidAmount", amount);
        values.set("aidGrantingBody", grantingBody);
        return values;
    }

    /** Neither the company nor its figures' history nor its audit trail changed. */
    private void assertUnchanged(Company before) {
        Company now = companies.get(before.getId());
        assertThat(now.getCity()).isEqualTo(before.getCity());
        assertThat(now.getCountry()).isEqualTo(before.getCountry());
        assertThat(now.getStaffHeadcount()).isEqualByComparingTo(before.getStaffHeadcount());
        assertThat(now.getRelatedEnterprises()).isEmpty();
        assertThat(now.getFiguresRevision()).isEqualTo(1);
        assertThat(companies.figuresHistory(before.getId())).hasSize(1);
        assertThat(audit.trailOf(now)).isEmpty();
    }

    private String page(String username, String language) throws Exception {
        return mvc.perform(get("/portal/company").param("lang", language).with(sme(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static RequestPostProcessor sme(String username) {
        return user(username).authorities(new SimpleGrantedAuthority(Roles.SME));
    }
}
