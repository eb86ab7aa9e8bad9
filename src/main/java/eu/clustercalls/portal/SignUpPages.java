package eu.clustercalls.portal;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import eu.clustercalls.company.SignUpService;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.support.InvalidInputException;

/** A company signs up with its first user; the membership it claims waits for its cluster's confirmation. */
@Controller
class SignUpPages {

    private static final String FORM = "signUp";
    private static final Pattern ROW_FIELD = Pattern.compile("(related|aid)(\\d)(\\w+)");
    private static final Map<String, String> ROW_LABELS = Map.of("Name", "signup.related.name",
            "Relation", "signup.related.relation", "Share", "signup.related.share", "Staff", "signup.staffHeadcount",
            "Turnover", "signup.annualTurnover", "BalanceSheet", "signup.balanceSheetTotal",
            "GrantedOn", "signup.aid.grantedOn", "Amount", "signup.aid.amount", "GrantingBody", "signup.aid.grantingBody");

    private final SignUpService signUps;
    private final ClusterOrganisationService clusters;
    private final MessageSource messages;

    SignUpPages(SignUpService signUps, ClusterOrganisationService clusters, MessageSource messages) {
        this.signUps = signUps;
        this.clusters = clusters;
        this.messages = messages;
    }

    /** The form's fields have no accessors: the browser's flat names are the fields' names. */
    @InitBinder(FORM)
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping("/portal/sign-up")
    String form(@ModelAttribute(FORM) SignUpForm form, Model model, Locale locale) {
        return page(Map.of(), model, locale);
    }

    @PostMapping("/portal/sign-up")
    String signUp(@Valid @ModelAttribute(FORM) SignUpForm form, BindingResult binding, Model model, Locale locale,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), message(error, locale)));
        form.rowErrors().forEach((field, key) -> errors.putIfAbsent(field, messages.getMessage(key, null, locale)));
        if (!form.passwordsMatch()) {
            errors.putIfAbsent("passwordRepeat", messages.getMessage("signup.error.passwordRepeat", null, locale));
        }
        var signUp = form.toSignUp(locale);
        signUps.problems(signUp).forEach(problem -> errors.putIfAbsent(problem.field(),
                messages.getMessage("signup.error." + problem.code(), null, problem.message(), locale)));
        if (errors.isEmpty()) {
            try {
                signUps.signUp(signUp);
                return "redirect:/portal/sign-in?signedUp";
            } catch (InvalidInputException e) {
                // Someone else took the VAT number or the user name a moment ago.
                errors.putAll(e.fieldErrors());
            }
        }
        form.forgetPasswords();
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(errors, model, locale);
    }

    private String page(Map<String, String> errors, Model model, Locale locale) {
        model.addAttribute("errors", errors);
        model.addAttribute("summary", SignUpForm.FIELDS.stream().filter(errors::containsKey)
                .map(field -> new Option(field, label(field, locale) + ": " + errors.get(field))).toList());
        model.addAttribute("countries", signUps.countries().stream()
                .map(code -> new Option(code, new Locale.Builder().setRegion(code).build().getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Option::label, Collator.getInstance(locale)))
                .toList());
        model.addAttribute("clusters", clusters.all().stream()
                .map(cluster -> new Option(cluster.getId(), cluster.getName())).toList());
        model.addAttribute("rows", List.of(0, 1, 2));
        return "portal/sign-up";
    }

    /** The field's label as the summary names it: "Related enterprise 2 – Holding (%)". */
    private String label(String field, Locale locale) {
        Matcher row = ROW_FIELD.matcher(field);
        if (!row.matches()) {
            return messages.getMessage("signup." + field, null, locale);
        }
        int number = Integer.parseInt(row.group(2)) + 1;
        String rowLabel = messages.getMessage("signup." + row.group(1) + ".row", new Object[] {number}, locale);
        return rowLabel + " – " + messages.getMessage(ROW_LABELS.get(row.group(3)), null, locale);
    }

    /** A value the browser could not convert is a number or a date the reader mistyped. */
    private String message(FieldError error, Locale locale) {
        if (error.isBindingFailure()) {
            String key = error.getField().endsWith("GrantedOn") ? "signup.error.date" : "signup.error.number";
            return messages.getMessage(key, null, locale);
        }
        return messages.getMessage(error, locale);
    }

    /** One choice of a select: the value sent and the text read. */
    record Option(String value, String label) {
    }
}
