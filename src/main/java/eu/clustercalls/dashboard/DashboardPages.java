package eu.clustercalls.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.portal.PortalFormat;
import eu.clustercalls.reporting.CallExports;
import eu.clustercalls.support.NotFoundException;

/** The call managers' dashboard: their calls, a call's figures, its applications as CSV or XLSX, its audit pack. */
@Controller
class DashboardPages {

    /** Applications per page of a call's table; the CSV and the XLSX have them all. */
    static final int PAGE_SIZE = 100;

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final DashboardService dashboard;
    private final CallExports exports;
    private final PortalFormat format;
    private final ApplicationRepository applications;
    private final EligibilityDecisions decisions;

    DashboardPages(DashboardService dashboard, CallExports exports, PortalFormat format,
            ApplicationRepository applications, EligibilityDecisions decisions) {
        this.dashboard = dashboard;
        this.exports = exports;
        this.format = format;
        this.applications = applications;
        this.decisions = decisions;
    }

    /** Cockpit's page of the application's eligibility decision, which Cockpit's own list cannot find by reference. */
    @GetMapping("/dashboard/calls/{callId}/applications/{applicationId}/eligibility-decision")
    String eligibilityDecision(@PathVariable Long callId, @PathVariable Long applicationId, Authentication user) {
        FundingCall call = dashboard.call(user.getName(), callId);
        Application application = applications.findById(applicationId)
                .filter(found -> found.getCallId().equals(call.getId()))
                .orElseThrow(() -> new NotFoundException("There is no application " + applicationId + " to this call."));
        return "redirect:" + decisions.cockpitPage(application);
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
    void applicationsCsv(@PathVariable Long callId, Authentication user, HttpServletResponse response)
            throws IOException {
        FundingCall call = dashboard.call(user.getName(), callId);
        download(response, new MediaType("text", "csv", StandardCharsets.UTF_8), "applications-" + call.reference() + ".csv");
        exports.applicationsCsv(call, response.getOutputStream());
    }

    @GetMapping("/dashboard/calls/{callId}/applications.xlsx")
    void applicationsXlsx(@PathVariable Long callId, Authentication user, HttpServletResponse response)
            throws IOException {
        FundingCall call = dashboard.call(user.getName(), callId);
        download(response, XLSX, "applications-" + call.reference() + ".xlsx");
        exports.applicationsXlsx(call, response.getOutputStream());
    }

    @GetMapping("/dashboard/calls/{callId}/audit-pack.zip")
    void auditPack(@PathVariable Long callId, Authentication user, HttpServletResponse response) throws IOException {
        FundingCall call = dashboard.call(user.getName(), callId);
        exports.recordAuditPackDownload(call, user.getName());
        download(response, ZIP, "audit-pack-" + call.reference() + ".zip");
        exports.auditPack(call, user.getName(), response.getOutputStream());
    }

    /** The headers of a file to save, before its content is streamed to the response. */
    private static void download(HttpServletResponse response, MediaType type, String fileName) {
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
    }
}
