package eu.clustercalls.portal;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.clustercalls.company.AidRecord;
import eu.clustercalls.company.Company;
import eu.clustercalls.company.CompanyFigures;
import eu.clustercalls.company.CompanyService;
import eu.clustercalls.company.MembershipRequest;
import eu.clustercalls.company.MembershipRequestService;
import eu.clustercalls.company.Membership;
import eu.clustercalls.company.SignUpService;
import eu.clustercalls.company.SmeFigures;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.support.Amounts;
import eu.clustercalls.support.InvalidInputException;
import eu.clustercalls.support.NotFoundException;
import eu.clustercalls.support.Phrase;

/**
 * The profile of the companies the signed-in user acts for: who they are, their size, memberships and aid; any of
 * their users keeps it up to date (address, figures, aid received since). The company is always one the user acts
 * for: the id in the path only chooses among them.
 */
@Controller
class CompanyPages {

    private static final String FORM = "companyForm";
    private static final String AID_FORM = "aidForm";

    private final CompanyService companies;
    private final MembershipRequestService requests;
    private final ClusterOrganisationService clusters;
    private final SignUpService signUps;
    private final MessageSource messages;
    private final PortalFormat format;

    CompanyPages(CompanyService companies, MembershipRequestService requests, ClusterOrganisationService clusters,
            SignUpService signUps, MessageSource messages, PortalFormat format) {
        this.companies = companies;
        this.requests = requests;
        this.clusters = clusters;
        this.signUps = signUps;
        this.messages = messages;
        this.format = format;
    }

    /** The forms' fields have no accessors: the browser's flat names are the fields' names. Amounts are read as the
     * reader writes them in the page's language, as on the sign-up form. */
    @InitBinder({FORM, AID_FORM})
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.addCustomFormatter(Amounts.FIELD);
    }

    @GetMapping("/portal/company")
    String profile(Authentication user, Model model, Locale locale) {
        return profilePage(user, new AidForm(), null, Map.of(), model, locale);
    }

    @GetMapping("/portal/company/{companyId}/edit")
    String edit(@PathVariable Long companyId, Authentication user, Model model, Locale locale) {
        Company company = own(user, companyId);
        return editPage(company, CompanyForm.of(company), Map.of(), model, locale);
    }

    @PostMapping("/portal/company/{companyId}/edit")
    String save(@PathVariable Long companyId, @Valid @ModelAttribute(FORM) CompanyForm form, BindingResult binding,
            Authentication user, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        Company company = own(user, companyId);
        Map<String, String> errors = errors(binding, locale);
        form.rowErrors().forEach((field, key) -> errors.putIfAbsent(field, messages.getMessage(key, null, locale)));
        if (errors.isEmpty()) {
            try {
                companies.update(user.getName(), companyId, form.toDetails());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/portal/company#company-" + companyId;
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((field, message) -> errors.putIfAbsent(field, format.words().phrase(message)));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return editPage(company, form, errors, model, locale);
    }

    @PostMapping("/portal/company/{companyId}/aid")
    String declareAid(@PathVariable Long companyId, @Valid @ModelAttribute(AID_FORM) AidForm form,
            BindingResult binding, Authentication user, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        own(user, companyId);
        Map<String, String> errors = errors(binding, locale);
        if (errors.isEmpty()) {
            try {
                companies.declareAid(user.getName(), companyId, form.toAid());
                redirect.addFlashAttribute("aidSaved", companyId);
                return "redirect:/portal/company#aid-" + companyId;
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((field, message) -> errors.putIfAbsent(field, format.words().phrase(message)));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return profilePage(user, form, companyId, errors, model, locale);
    }

    private String profilePage(Authentication user, AidForm aidForm, Long aidCompanyId, Map<String, String> aidErrors,
            Model model, Locale locale) {
        model.addAttribute("profiles", companies.companiesOf(user.getName()).stream()
                .map(company -> profile(company, locale)).toList());
        model.addAttribute("clusterNames", clusters.names());
        model.addAttribute(AID_FORM, aidForm);
        model.addAttribute("aidCompanyId", aidCompanyId);
        model.addAttribute("errors", aidErrors);
        model.addAttribute("noErrors", Map.of());
        return "portal/company";
    }

    private String editPage(Company company, CompanyForm form, Map<String, String> errors, Model model,
            Locale locale) {
        model.addAttribute("company", company);
        model.addAttribute(FORM, form);
        model.addAttribute("errors", errors);
        model.addAttribute("countries", signUps.countries().stream()
                .map(code -> new SignUpPages.Option(code, countryName(code, locale)))
                .sorted(Comparator.comparing(SignUpPages.Option::label, Collator.getInstance(locale)))
                .toList());
        model.addAttribute("rows", List.of(0, 1, 2));
        return "portal/company-edit";
    }

    /** One of the companies the user acts for; any other id is not found, whether it exists or not. */
    private Company own(Authentication user, Long companyId) {
        return companies.companiesOf(user.getName()).stream().filter(company -> company.getId().equals(companyId))
                .findFirst().orElseThrow(() -> new NotFoundException(Phrase.of("refusal.company.notYours").stored()));
    }

    private Map<String, String> errors(BindingResult binding, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(),
                SignUpPages.message(error, messages, locale)));
        return errors;
    }

    private static String countryName(String code, Locale locale) {
        return new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
    }

    private Profile profile(Company company, Locale locale) {
        List<CompanyFigures> history = new ArrayList<>(companies.figuresHistory(company.getId()));
        Collections.reverse(history);
        return new Profile(company, countryName(company.getCountry(), locale), company.smeFigures(),
                history.get(0), history.subList(1, history.size()),
                companies.membershipsOf(company.getId()),
                requests.requestsOf(company.getId()).stream()
                        .filter(request -> request.getStatus() != MembershipRequest.Status.CONFIRMED).toList(),
                companies.aidRecordsOf(company.getId()));
    }

    /**
     * A company with the figures that decide its size, their latest revision and the earlier ones (newest first), its
     * memberships, its open or refused claims and its ledger.
     */
    record Profile(Company company, String countryName, SmeFigures counted, CompanyFigures figures,
            List<CompanyFigures> earlierFigures, List<Membership> memberships, List<MembershipRequest> requests,
            List<AidRecord> aid) {
    }
}
