package eu.clustercalls.portal;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import eu.clustercalls.security.ClientAddress;
import eu.clustercalls.security.PasswordResets;
import eu.clustercalls.support.InvalidInputException;

/**
 * "Forgot your password?": an address, then the same answer for every address (whether a user's, a staff member's
 * or nobody's), then the mailed link's page, where the new password is chosen twice.
 */
@Controller
class PasswordPages {

    private final PasswordResets resets;

    PasswordPages(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/portal/password/forgot")
    String forgot(Model model) {
        model.addAttribute("errors", Map.of());
        return "portal/password-forgot";
    }

    @PostMapping("/portal/password/forgot")
    String request(@RequestParam(required = false) String email, Model model, HttpServletResponse response) {
        if (email == null || email.isBlank() || email.length() > 200) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", Map.of("email", "signup.error.required"));
            return "portal/password-forgot";
        }
        if (!resets.request(email, ClientAddress.current())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("email", email);
            model.addAttribute("errors", Map.of("email", "password.forgot.tooMany"));
            return "portal/password-forgot";
        }
        return "redirect:/portal/password/sent";
    }

    /** The one answer to every address. */
    @GetMapping("/portal/password/sent")
    String sent(Model model) {
        model.addAttribute("linkMinutes", PasswordResets.LINK_VALIDITY.toMinutes());
        return "portal/password-sent";
    }

    @GetMapping("/portal/password/reset/{token}")
    String link(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<String> user = resets.open(token);
        if (user.isEmpty()) {
            return invalid(model, response);
        }
        model.addAttribute("username", user.get());
        model.addAttribute("errors", Map.of());
        return "portal/password-reset";
    }

    @PostMapping("/portal/password/reset/{token}")
    String reset(@PathVariable String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordRepeat, Model model, HttpServletResponse response) {
        try {
            Optional<String> user = resets.reset(token, password, passwordRepeat);
            return user.isEmpty() ? invalid(model, response) : "redirect:/portal/sign-in?passwordReset";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("username", resets.open(token).orElse(""));
            model.addAttribute("errors", e.fieldErrors());
            return "portal/password-reset";
        }
    }

    private static String invalid(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_GONE);
        model.addAttribute("linkMinutes", PasswordResets.LINK_VALIDITY.toMinutes());
        return "portal/password-link-invalid";
    }
}
