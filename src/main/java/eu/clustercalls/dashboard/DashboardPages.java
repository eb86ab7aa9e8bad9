package eu.clustercalls.dashboard;

import java.nio.charset.StandardCharsets;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import eu.clustercalls.call.FundingCall;
import eu.clustercalls.portal.PortalFormat;
import eu.clustercalls.support.NotFoundException;

/** The call managers' dashboard: their calls, a call's figures and its applications as CSV. */
@Controller
class DashboardPages {

    /** Applications per page of a call's table; the CSV has them all. */
    static final int PAGE_SIZE = 100;

    private final DashboardService dashboard;
    private final PortalFormat format;

    DashboardPages(DashboardService dashboard, PortalFormat format) {
        this.dashboard = dashboard;
        this.format = format;
    }

    @GetMapping("/dashboard")
    String calls(Authentication user, Model model) {
        model.addAttribute("calls", dashboard.callsOf(user.getName()));
        return "dashboard/index";
    }

    @GetMapping("/dashboard/calls/{callId}")
    String call(@PathVariable Long callId, @RequestParam(defaultValue = "0") int page, Authentication user,
            Model model) {
        FundingCall call = dashboard.call(user.getName(), callId);
        DashboardService.Funnel funnel = dashboard.funnel(call);
        int pages = (int) Math.max(1, (funnel.submitted() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page < 0 || page >= pages) {
            throw new NotFoundException("There is no page " + page + " of the applications.");
        }
        DashboardService.Budget budget = dashboard.budget(call);
        model.addAttribute("call", call);
        model.addAttribute("clusterName", dashboard.clusterName(call));
        model.addAttribute("funnel", funnel);
        model.addAttribute("funnelChart", Bars.of(funnel.stages(), String::valueOf));
        model.addAttribute("budget", budget);
        model.addAttribute("budgetChart", Bars.of(budget.figures(), format::money));
        model.addAttribute("overdueTasks", dashboard.overdueTasks(call));
        model.addAttribute("engineCounts", dashboard.engineCounts(call));
        model.addAttribute("applications", dashboard.applications(call, PageRequest.of(page, PAGE_SIZE)));
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        return "dashboard/call";
    }

    @GetMapping("/dashboard/calls/{callId}/applications.csv")
    ResponseEntity<String> applicationsCsv(@PathVariable Long callId, Authentication user) {
        FundingCall call = dashboard.call(user.getName(), callId);
        String csv = ApplicationsCsv.write(dashboard.applications(call, Pageable.unpaged()));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("applications-" + call.reference() + ".csv").build().toString())
                .body(csv);
    }
}
