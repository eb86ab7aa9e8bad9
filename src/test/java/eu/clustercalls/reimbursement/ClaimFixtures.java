package eu.clustercalls.reimbursement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.clustercalls.Scenario;
import eu.clustercalls.application.Application;
import eu.clustercalls.call.ExpenseCategory;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestComponent;

/**
 * Expense claims as SMEs send them and finance handles them: files, claim input, submission through the service the
 * portal calls, and the two finance tasks completed as in Tasklist. Import it next to {@link Scenario}.
 */
@TestComponent
public class ClaimFixtures {

    /** A valid IBAN of the SME's account. */
    public static final String SME_IBAN = "ES7921000813610123456789";

    private final ClaimService claims;
    private final ExpenseClaimRepository claimRepository;
    private final TaskService taskService;
    private final Scenario scenario;

    ClaimFixtures(ClaimService claims, ExpenseClaimRepository claimRepository, TaskService taskService, Scenario scenario) {
        this.claims = claims;
        this.claimRepository = claimRepository;
        this.taskService = taskService;
        this.scenario = scenario;
    }

    /** A small PDF whose content (and so SHA-256) differs with the text. */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The start of a PNG image, enough for its type to be recognised. */
    public static byte[] png(String text) {
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] rest = text.getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[magic.length + rest.length];
        System.arraycopy(magic, 0, content, 0, magic.length);
        System.arraycopy(rest, 0, content, magic.length, rest.length);
        return content;
    }

    public static ClaimInput.Item item(ExpenseCategory category, String amount, String currency, LocalDate date,
            String receipt) {
        return new ClaimInput.Item(category, new BigDecimal(amount), currency, date, category.label() + " expense", receipt);
    }

    /** A claim of these items, with proof of attendance in the part "boarding-pass", for that many days. */
    public static ClaimInput input(int daysAttended, ClaimInput.Item... items) {
        return new ClaimInput(List.of(items), List.of("boarding-pass"),
                "Met four buyers; two asked for samples of our technical fabrics.", daysAttended, SME_IBAN,
                "Test Company SL");
    }

    /** The files named by the input: a distinct PDF per receipt, and the boarding pass as PNG. */
    public static List<Upload> filesFor(ClaimInput input) {
        Map<String, Upload> files = new HashMap<>();
        input.itemsOrNone().stream().filter(item -> item.receipt() != null).forEach(item -> files.putIfAbsent(
                item.receipt(), new Upload(item.receipt(), item.receipt() + ".pdf", pdf(item.receipt() + " " + Scenario.next()))));
        input.attendanceProofsOrNone().forEach(proof -> files.putIfAbsent(proof,
                new Upload(proof, proof + ".png", png(proof + " " + Scenario.next()))));
        return new ArrayList<>(files.values());
    }

    /** The applicant submits the claim with these files in the portal. */
    public ExpenseClaim submit(Application application, ClaimInput input, List<Upload> files) {
        String user = scenario.applicantOf(application);
        ExpenseClaim[] submitted = new ExpenseClaim[1];
        Scenario.asPortalUser(user, () -> submitted[0] = claims.submit(user, application.getId(), input, files));
        return submitted[0];
    }

    /** The applicant submits the claim with a file for each name it gives. */
    public ExpenseClaim submit(Application application, ClaimInput input) {
        return submit(application, input, filesFor(input));
    }

    /** The claim of the application as stored now. */
    public ExpenseClaim claimOf(Application application) {
        return claimRepository.findByApplicationId(application.getId()).orElseThrow();
    }

    /** The open task of that kind in the application's reimbursement, or null. */
    public Task task(Application application, String taskDefinitionKey) {
        ExpenseClaim claim = claimOf(application);
        return taskService.createTaskQuery().processInstanceId(claim.getProcessInstanceId())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    /** That finance officer submits form_verify_claim in Tasklist. */
    public void verify(String financeUser, Application application, String decision, String reductions, String reason) {
        Map<String, Object> form = new HashMap<>();
        form.put(ReimbursementProcess.FIELD_VERIFICATION, decision);
        form.put(ReimbursementProcess.FIELD_ITEM_REDUCTIONS, reductions);
        form.put(ReimbursementProcess.FIELD_VERIFICATION_REASON, reason);
        Task task = task(application, ReimbursementProcess.TASK_VERIFY_CLAIM);
        scenario.as(financeUser, () -> {
            taskService.claim(task.getId(), financeUser);
            taskService.complete(task.getId(), form);
        });
    }

    /** That finance officer claims "Approve payment" and submits form_approve_payment in Tasklist. */
    public void decidePayment(String financeUser, Application application, String decision, String comment) {
        Map<String, Object> form = new HashMap<>();
        form.put(ReimbursementProcess.FIELD_PAYMENT_DECISION, decision);
        form.put(ReimbursementProcess.FIELD_PAYMENT_COMMENT, comment);
        Task task = task(application, ReimbursementProcess.TASK_APPROVE_PAYMENT);
        scenario.as(financeUser, () -> {
            taskService.claim(task.getId(), financeUser);
            taskService.complete(task.getId(), form);
        });
    }
}
