package eu.clustercalls.dashboard;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import eu.clustercalls.company.MembershipRequestService;

/** Call managers confirm the memberships companies claimed at sign-up, or reject them with a reason. */
@Controller
class MembershipPages {

    private static final int REASON_MAX_LENGTH = 2000;

    private final MembershipRequestService requests;
    private final MessageSource messages;

    MembershipPages(MembershipRequestService requests, MessageSource messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @GetMapping("/dashboard/memberships")
    String pending(Authentication user, Model model) {
        model.addAttribute("pending", requests.pendingRequestsFor(user.getName()));
        return "dashboard/memberships";
    }

    @PostMapping("/dashboard/memberships/{requestId}/confirm")
    String confirm(@PathVariable Long requestId, Authentication user) {
        requests.confirm(requestId, user.getName());
        return "redirect:/dashboard/memberships?confirmed";
    }

    @PostMapping("/dashboard/memberships/{requestId}/reject")
    String reject(@PathVariable Long requestId, @RequestParam(defaultValue = "") String reason, Authentication user,
            Model model, Locale locale, HttpServletResponse response) {
        String problem = reason.isBlank() ? "membershipRequests.reason.required"
                : reason.length() > REASON_MAX_LENGTH ? "membershipRequests.reason.tooLong" : null;
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("rejecting", requestId);
            model.addAttribute("reason", reason);
            model.addAttribute("reasonError", messages.getMessage(problem, null, locale));
            return pending(user, model);
        }
        requests.reject(requestId, user.getName(), reason);
        return "redirect:/dashboard/memberships?rejected";
    }
}
