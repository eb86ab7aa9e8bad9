package eu.clustercalls.portal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.clustercalls.company.ColleagueService;
import eu.clustercalls.security.ClientAddress;
import eu.clustercalls.support.InvalidInputException;

/**
 * The users of the signed-in user's companies and the invitations still open: invite a colleague by e-mail, cancel
 * an invitation, remove a colleague; and the invitation's link, where the colleague chooses a user name and a
 * password to join. Who acts, and for which company, the service checks against the signed-in user.
 */
@Controller
class ColleaguePages {

    private static final String PAGE = "/portal/company/colleagues";

    private final ColleagueService colleagues;

    ColleaguePages(ColleagueService colleagues) {
        this.colleagues = colleagues;
    }

    @GetMapping(PAGE)
    String page(Authentication user, Model model) {
        return page(user, null, Map.of(), model);
    }

    @PostMapping(PAGE + "/invite")
    String invite(@RequestParam Long companyId, @RequestParam(required = false) String email, Authentication user,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            colleagues.invite(user.getName(), companyId, email, locale, ClientAddress.current());
            redirect.addFlashAttribute("invited", email.strip());
            return "redirect:" + PAGE;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("email", email);
            return page(user, companyId, e.fieldErrors(), model);
        }
    }

    @PostMapping(PAGE + "/invitations/{invitationId}/cancel")
    String cancel(@PathVariable Long invitationId, Authentication user) {
        colleagues.cancel(user.getName(), invitationId);
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/remove")
    String remove(@RequestParam Long companyId, @RequestParam String username, Authentication user, Model model,
            HttpServletResponse response) {
        try {
            colleagues.remove(user.getName(), companyId, username);
            return "redirect:" + PAGE;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(user, companyId, e.fieldErrors(), model);
        }
    }

    @GetMapping("/portal/invitations/{token}")
    String link(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<ColleagueService.Invitation> invitation = colleagues.open(token);
        if (invitation.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_GONE);
            return "portal/invitation-invalid";
        }
        model.addAttribute("invitation", invitation.get());
        model.addAttribute("errors", Map.of());
        return "portal/invitation";
    }

    @PostMapping("/portal/invitations/{token}")
    String join(@PathVariable String token, @RequestParam(required = false) String username,
            @RequestParam(required = false) String firstName, @RequestParam(required = false) String lastName,
            @RequestParam(required = false) String password, @RequestParam(required = false) String passwordRepeat,
            Locale locale, Model model, HttpServletResponse response) {
        String name = username == null ? null : username.strip();
        try {
            return colleagues.accept(token, new ColleagueService.Joining(name, firstName, lastName, password,
                    passwordRepeat, locale)).map(company -> "redirect:/portal/sign-in?joined").orElseGet(() -> {
                        response.setStatus(HttpServletResponse.SC_GONE);
                        return "portal/invitation-invalid";
                    });
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Optional<ColleagueService.Invitation> invitation = colleagues.open(token);
            if (invitation.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_GONE);
                return "portal/invitation-invalid";
            }
            model.addAttribute("invitation", invitation.get());
            model.addAttribute("username", name);
            model.addAttribute("firstName", firstName);
            model.addAttribute("lastName", lastName);
            model.addAttribute("errors", e.fieldErrors());
            return "portal/invitation";
        }
    }

    /** The page; a refusal is shown in the card of the company it is about. */
    private String page(Authentication user, Long companyId, Map<String, String> errors, Model model) {
        model.addAttribute("companies", colleagues.colleaguesOf(user.getName()));
        model.addAttribute("me", user.getName());
        model.addAttribute("errorCompanyId", companyId);
        model.addAttribute("errors", errors);
        return "portal/colleagues";
    }
}
