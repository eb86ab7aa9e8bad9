package eu.clustercalls.portal;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import eu.clustercalls.call.CallService;
import eu.clustercalls.organisation.ClusterOrganisationService;
import eu.clustercalls.security.Roles;

/** The open calls of every cluster and a call's page; anyone may read them. */
@Controller
class CallPages {

    private final CallService calls;
    private final ClusterOrganisationService clusters;

    CallPages(CallService calls, ClusterOrganisationService clusters) {
        this.calls = calls;
        this.clusters = clusters;
    }

    /** The application's front door is the portal (Camunda's own redirect to its welcome page is off). */
    @GetMapping("/")
    String root() {
        return "redirect:/portal";
    }

    @GetMapping("/portal")
    String openCalls(Model model) {
        Map<String, String> clusterNames = clusters.names();
        model.addAttribute("calls", calls.openCalls().stream()
                .map(call -> CallSummary.of(call, clusterNames.get(call.getClusterId()))).toList());
        return "portal/calls";
    }

    @GetMapping("/portal/calls/{callId}")
    String call(@PathVariable Long callId, Model model) {
        var call = calls.getPublic(callId);
        model.addAttribute("call", CallSummary.of(call, clusters.get(call.getClusterId()).getName()));
        model.addAttribute("open", calls.acceptsApplications(call));
        return "portal/call";
    }

    /** After a refused sign-in: why (a wrong password, the minutes to wait, too many at once). */
    @GetMapping("/portal/sign-in")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
            @RequestParam(required = false) String busy, Model model) {
        model.addAttribute("failed", error != null);
        if (locked != null && locked.matches("[1-9][0-9]{0,3}")) {
            model.addAttribute("lockedMinutes", Integer.parseInt(locked));
        }
        model.addAttribute("busy", busy != null);
        return "portal/sign-in";
    }

    /** After signing in: an SME to its applications, a call manager to the dashboard. */
    @GetMapping("/portal/home")
    String home(Authentication user) {
        boolean staff = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role -> role.equals(Roles.CALL_MANAGERS) || role.equals(Roles.ADMIN));
        return staff ? "redirect:/dashboard" : "redirect:/portal/applications";
    }

    /** Where Spring Security forwards a signed-in user who may not see a page. */
    @RequestMapping("/portal/forbidden")
    String forbidden(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("status", HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("errorMessage", "error.forbidden");
        return "portal/error";
    }
}
