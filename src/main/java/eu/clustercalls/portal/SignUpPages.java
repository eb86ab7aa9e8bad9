package eu.clustercalls.portal;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.clustercalls.company.SignUpLimitException;
import eu.clustercalls.company.SignUpLink;
import eu.clustercalls.company.SignUpProblem;
import eu.clustercalls.company.SignUpService;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.security.ClientAddress;
import eu.clustercalls.support.Amounts;

/**
 * A company signs up with its first user: the form, then the link mailed to the address it gives, which registers
 * the company and signs the person in. The form's answer is the same whether its user name or VAT number is known;
 * the link's page tells the person, who has shown the address is theirs. The membership the company claims waits
 * for its cluster's confirmation.
 */
@Controller
class SignUpPages {

    private static final String FORM = "signUp";
    private static final Pattern ROW_FIELD = Pattern.compile("(related|aid)(\\d)(\\w+)");
    private static final Map<String, String> ROW_LABELS = Map.of("Name", "signup.related.name",
            "Relation", "signup.related.relation", "Share", "signup.related.share", "Staff", "signup.staffHeadcount",
            "Turnover", "signup.annualTurnover", "BalanceSheet", "signup.balanceSheetTotal",
            "GrantedOn", "signup.aid.grantedOn", "Amount", "signup.aid.amount", "GrantingBody", "signup.aid.grantingBody");

    /** What signing in with the password does too: a new session id and a new CSRF token. */
    private static final SessionAuthenticationStrategy SESSION = new CompositeSessionAuthenticationStrategy(List.of(
            new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));
    private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    private final SignUpService signUps;
    private final ClusterOrganisationService clusters;
    private final MessageSource messages;

    SignUpPages(SignUpService signUps, ClusterOrganisationService clusters, MessageSource messages) {
        this.signUps = signUps;
        this.clusters = clusters;
        this.messages = messages;
    }

    /** The form's fields have no accessors: the browser's flat names are the fields' names. Figures are read as the
     * reader writes them in the page's language. */
    @InitBinder(FORM)
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.addCustomFormatter(Amounts.FIELD);
    }

    @GetMapping("/portal/sign-up")
    String form(@ModelAttribute(FORM) SignUpForm form, Model model, Locale locale) {
        return page(Map.of(), model, locale);
    }

    @PostMapping("/portal/sign-up")
    String signUp(@Valid @ModelAttribute(FORM) SignUpForm form, BindingResult binding, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), message(error, locale)));
        form.rowErrors().forEach((field, key) -> errors.putIfAbsent(field, messages.getMessage(key, null, locale)));
        if (!form.passwordsMatch()) {
            errors.putIfAbsent("passwordRepeat", messages.getMessage("signup.error.passwordRepeat", null, locale));
        }
        var signUp = form.toSignUp(locale);
        signUps.problems(signUp).forEach(problem -> errors.putIfAbsent(problem.field(),
                messages.getMessage("signup.error." + problem.code(), null, problem.message(), locale)));
        int status = HttpServletResponse.SC_BAD_REQUEST;
        if (errors.isEmpty()) {
            try {
                signUps.request(signUp, ClientAddress.current());
                redirect.addFlashAttribute("sentTo", signUp.user().email());
                return "redirect:/portal/sign-up/sent";
            } catch (SignUpLimitException e) {
                SignUpProblem problem = e.problem();
                errors.put(problem.field(), messages.getMessage("signup.error." + problem.code(), null,
                        problem.message(), locale));
                status = HttpStatus.TOO_MANY_REQUESTS.value();
            }
        }
        form.forgetPasswords();
        response.setStatus(status);
        return page(errors, model, locale);
    }

    /** After the form: the same page for every sign-up, with the address from the form (none after a reload). */
    @GetMapping("/portal/sign-up/sent")
    String sent(Model model) {
        model.addAttribute("linkHours", SignUpService.LINK_VALIDITY.toHours());
        return "portal/sign-up-sent";
    }

    @GetMapping("/portal/sign-up/confirm/{token}")
    String link(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        return linkPage(signUps.open(token, null), false, model, locale, response);
    }

    /** Registers the company and signs the person in; a taken user name is replaced by the one given here. */
    @PostMapping("/portal/sign-up/confirm/{token}")
    String confirm(@PathVariable String token, @RequestParam(required = false) String username, Model model,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        SignUpLink link = signUps.confirm(token, username == null ? null : username.strip());
        if (link instanceof SignUpLink.Confirmed confirmed) {
            signIn(confirmed, request, response);
            return "redirect:/portal/sign-up/welcome";
        }
        return linkPage(link, true, model, locale, response);
    }

    @GetMapping("/portal/sign-up/welcome")
    String welcome(Authentication user) {
        return user == null || user instanceof AnonymousAuthenticationToken ? "redirect:/portal/sign-in"
                : "portal/sign-up-welcome";
    }

    /**
     * 410 for a link that no longer works; 409 while the company is registered; 400 for a user name to choose after
     * it was sent; else the page that confirms.
     */
    private String linkPage(SignUpLink link, boolean sent, Model model, Locale locale, HttpServletResponse response) {
        if (!(link instanceof SignUpLink.Pending pending)) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("linkHours", SignUpService.LINK_VALIDITY.toHours());
            return "portal/sign-up-link-invalid";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        pending.problems().forEach(problem -> errors.putIfAbsent(problem.field(),
                messages.getMessage("signup.error." + problem.code(), null, problem.message(), locale)));
        if (pending.companyRegistered()) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        } else if (sent && !errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("pending", pending);
        model.addAttribute("errors", errors);
        return "portal/sign-up-confirm";
    }

    private static void signIn(SignUpLink.Confirmed confirmed, HttpServletRequest request,
            HttpServletResponse response) {
        Authentication user = UsernamePasswordAuthenticationToken.authenticated(confirmed.username(), null,
                confirmed.groups().stream().map(SimpleGrantedAuthority::new).toList());
        SESSION.onAuthentication(user, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
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
        return message(error, messages, locale);
    }

    /** A value the browser could not convert is a number or a date the reader mistyped. */
    static String message(FieldError error, MessageSource messages, Locale locale) {
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
