package eu.clustercalls.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.audit.AuditEvent;
import eu.clustercalls.audit.AuditService;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.DocumentSummary;
import eu.clustercalls.document.StoredDocument;
import eu.clustercalls.payment.Payment;
import eu.clustercalls.payment.PaymentService;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reporting.CallExports;
import eu.clustercalls.security.Roles;
import eu.clustercalls.selection.SelectionService;

/** The call's applications as CSV and XLSX, and its audit pack, read back from the dashboard's downloads. */
@ClusterCallsTest
@Import({ClaimFixtures.class, DashboardScenario.class})
class DashboardExportsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DashboardScenario scenario;
    @Autowired
    ClaimFixtures claims;
    @Autowired
    DocumentService documents;
    @Autowired
    PaymentService payments;
    @Autowired
    AuditService audit;
    @Autowired
    SelectionService selection;

    private static RequestPostProcessor manager(String name) {
        return user(name).authorities(new SimpleGrantedAuthority(Roles.CALL_MANAGERS));
    }

    private byte[] download(DashboardScenario.Built built, String file) throws Exception {
        return mvc.perform(get("/dashboard/calls/" + built.call().getId() + "/" + file)
                .with(manager(built.cluster().manager()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    @Test
    void theCsvGivesTheScoresDecisionsAndAmountsOfEachApplication() throws Exception {
        DashboardScenario.Built built = scenario.call();

        Map<String, Map<String, String>> rows = byReference(csv(new String(download(built, "applications.csv"),
                StandardCharsets.UTF_8)));

        Payment payment = payments.ofClaim(claims.claimOf(built.paid()).getId()).orElseThrow();
        assertThat(rows.get(built.paid().reference())).containsEntry("company", DashboardScenario.QUOTED_NAME)
                .containsEntry("country", "ES").containsEntry("sme_size", "MICRO").containsEntry("eligible", "yes")
                .containsEntry("status", "REIMBURSED").containsEntry("score_relevance_of_10", "10.00")
                .containsEntry("score_readiness_of_10", "10.00").containsEntry("score_representation_of_5", "2.00")
                .containsEntry("ranking", "1").containsEntry("selection", "MAIN")
                .containsEntry("requested", "2000.00").containsEntry("grant_awarded", "2000.00")
                .containsEntry("claimed", "1250.00").containsEntry("approved", "1250.00")
                .containsEntry("paid", "1250.00").containsEntry("payment_date", payment.getExecutionDate().toString())
                .containsEntry("payment_reference", payment.getReference());
        assertThat(new BigDecimal(rows.get(built.paid().reference()).get("final_score"))).isEqualByComparingTo("22");
        assertThat(rows.get(built.weak().reference())).containsEntry("company", "'" + DashboardScenario.FORMULA_NAME)
                .containsEntry("score_relevance_of_10", "10.00").containsEntry("score_readiness_of_10", "0.00")
                .containsEntry("selection", "REJECTED").containsEntry("grant_awarded", "").containsEntry("paid", "");
        assertThat(rows.get(built.notAnSme().reference())).containsEntry("sme_size", "NOT_SME")
                .containsEntry("eligible", "no").containsEntry("score_relevance_of_10", "");
        assertThat(rows.get(built.notAnSme().reference()).get("eligibility_reasons"))
                .as("written in English, not kept as a phrase").startsWith("Staff headcount ").doesNotContain("§");
    }

    @Test
    void theXlsxHasTheSameTableWithNumbersAsNumbersAndTimesAsDates(@TempDir Path folder) throws Exception {
        DashboardScenario.Built built = scenario.call();
        Map<String, Map<String, String>> csvRows = byReference(csv(new String(download(built, "applications.csv"),
                StandardCharsets.UTF_8)));

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                download(built, "applications.xlsx")))) {
            List<Row> rows = workbook.getFirstSheet().read();
            List<String> header = new ArrayList<>();
            rows.get(0).forEach(cell -> header.add(cell.getRawValue()));
            assertThat(header).containsExactlyElementsOf(csvRows.get(built.paid().reference()).keySet());
            assertThat(rows).hasSize(7);
            Row paid = rows.stream().filter(row -> built.paid().reference().equals(row.getCellAsString(0).orElse(null)))
                    .findFirst().orElseThrow();
            assertThat(paid.getCellAsString(header.indexOf("company"))).contains(DashboardScenario.QUOTED_NAME);
            assertThat(paid.getCell(header.indexOf("paid")).getType()).isEqualTo(CellType.NUMBER);
            assertThat(paid.getCellAsNumber(header.indexOf("paid")).orElseThrow()).isEqualByComparingTo("1250");
            assertThat(paid.getCellAsNumber(header.indexOf("score_representation_of_5")).orElseThrow())
                    .isEqualByComparingTo("2");
            LocalDateTime submitted = paid.getCellAsDate(header.indexOf("submitted_at")).orElseThrow();
            assertThat(submitted.toString()).startsWith(csvRows.get(built.paid().reference()).get("submitted_at")
                    .substring(0, 16));
            LocalDate paidOn = paid.getCellAsDate(header.indexOf("payment_date")).orElseThrow().toLocalDate();
            assertThat(paidOn.toString()).isEqualTo(csvRows.get(built.paid().reference()).get("payment_date"));
            Row weak = rows.stream().filter(row -> built.weak().reference().equals(row.getCellAsString(0).orElse(null)))
                    .findFirst().orElseThrow();
            assertThat(weak.getCellAsString(header.indexOf("company"))).contains(DashboardScenario.FORMULA_NAME);
            assertThat(weak.getCell(header.indexOf("company")).getType()).isEqualTo(CellType.STRING);
        }
        // The workbook's entries carry their sizes after their data, which only ZipFile reads.
        Path xlsx = Files.write(folder.resolve("applications.xlsx"), download(built, "applications.xlsx"));
        String sheet;
        try (ZipFile workbook = new ZipFile(xlsx.toFile())) {
            sheet = new String(workbook.getInputStream(workbook.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        assertThat(sheet).containsPattern("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"");
    }

    @Test
    void theAuditPackHoldsTheIndexDecisionsEvaluationsReceiptsAndPaymentFiles() throws Exception {
        DashboardScenario.Built built = scenario.call();
        String manager = built.cluster().manager();

        Map<String, byte[]> pack = unzip(download(built, "audit-pack.zip"));

        assertThat(pack).containsKeys("index.html", "applications.csv", "applications.xlsx", "decisions.csv",
                "evaluations.csv");
        Document index = Jsoup.parse(new String(pack.get("index.html"), StandardCharsets.UTF_8));
        assertThat(index.getElementById("generated").text()).contains("by " + manager);
        assertThat(index.select("#call td").text()).contains(built.call().reference(), built.call().getTitle());
        assertThat(index.select("#applications tr[id]")).hasSize(6);
        for (String link : index.select("a[href]").eachAttr("href")) {
            assertThat(pack).as("the index links to %s", link).containsKey(
                    URLDecoder.decode(link, StandardCharsets.UTF_8));
        }

        List<Map<String, String>> decisions = csv(new String(pack.get("decisions.csv"), StandardCharsets.UTF_8));
        assertThat(decisions).anySatisfy(event -> assertThat(event).containsEntry("action", "SELECTION_APPROVED")
                .containsEntry("author", built.cluster().secondManager())
                .containsEntry("entity_id", built.call().reference()));
        assertThat(decisions).anySatisfy(event -> assertThat(event).containsEntry("entity_id",
                built.declined().reference()).containsEntry("reason", "Our sales manager cannot travel on those dates."));

        List<Map<String, String>> evaluations = csv(new String(pack.get("evaluations.csv"), StandardCharsets.UTF_8));
        assertThat(evaluations).filteredOn(row -> row.get("application").equals(built.paid().reference()))
                .hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("conflict_of_interest", "no")
                        .containsEntry("score_representation_of_5", "2").containsEntry("total", "22"))
                .extracting(row -> row.get("evaluator")).containsExactlyInAnyOrderElementsOf(built.cluster().evaluators());

        Long claimId = claims.claimOf(built.paid()).getId();
        List<DocumentSummary> handedIn = documents.ofClaim(claimId);
        assertThat(handedIn).hasSize(3);
        for (DocumentSummary document : handedIn) {
            String folder = document.getPurpose() == StoredDocument.Purpose.RECEIPT
                    ? "receipts" : "attendance";
            assertThat(pack.get("applications/" + built.paid().reference() + "/" + folder + "/" + document.getId()
                    + "-" + document.getFileName())).isEqualTo(documents.get(document.getId()).getContent());
        }

        Long letter = selection.awardLetterDocumentId(built.paid().getId()).orElseThrow();
        assertThat(pack.get("applications/" + built.paid().reference() + "/award-letter/" + letter + "-award-letter-"
                + built.paid().reference() + ".pdf")).as("the award letter sent").isEqualTo(documents.get(letter).getContent());
        assertThat(pack.keySet()).filteredOn(name -> name.contains("/award-letter/"))
                .as("a letter to each company that confirmed: paid and claimed").hasSize(2);
        assertThat(eu.clustercalls.PdfText.of(pack.get("applications/" + built.paid().reference() + "/application-"
                + built.paid().reference() + ".pdf"))).as("the application as submitted, in English")
                .contains("Application " + built.paid().reference() + " as submitted");
        assertThat(pack.keySet()).filteredOn(name -> name.matches("applications/APP-\\d+/application-APP-\\d+\\.pdf"))
                .as("one for each application").hasSize(6);

        Payment payment = payments.ofClaim(claimId).orElseThrow();
        assertThat(new String(pack.get("payments/" + payment.getFileName()), StandardCharsets.UTF_8))
                .contains(payment.getReference());
        assertThat(pack.keySet()).filteredOn(name -> name.startsWith("payments/")).hasSize(1);

        List<AuditEvent> trail = audit.trailOf(built.call());
        assertThat(trail.get(trail.size() - 1)).satisfies(event -> {
            assertThat(event.getAction()).isEqualTo(CallExports.AUDIT_PACK_DOWNLOADED);
            assertThat(event.getActor()).isEqualTo(manager);
        });
    }

    @Test
    void theCallsPageLinksToTheDownloads() throws Exception {
        DashboardScenario.Built built = scenario.call();

        String base = "/dashboard/calls/" + built.call().getId();
        Document page = Jsoup.parse(mvc.perform(get(base).with(manager(built.cluster().manager())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.getElementById("csv-link").attr("href")).isEqualTo(base + "/applications.csv");
        assertThat(page.getElementById("xlsx-link").attr("href")).isEqualTo(base + "/applications.xlsx");
        assertThat(page.getElementById("audit-pack-link").attr("href")).isEqualTo(base + "/audit-pack.zip");
    }

    @Test
    void anUnknownCallIsNotFoundWithAMessage() throws Exception {
        DashboardScenario.Built built = scenario.call();

        for (String file : List.of("applications.xlsx", "audit-pack.zip")) {
            String body = mvc.perform(get("/dashboard/calls/987654321/" + file).with(manager(built.cluster().manager())))
                    .andExpect(status().isNotFound()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).contains("There is nothing here that you may see.");
        }
    }

    /** The rows of an RFC 4180 text with a header line (and a byte order mark), each by column name. */
    static List<Map<String, String>> csv(String text) {
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && text.charAt(i + 1) == '\n') {
                line.add(cell.toString());
                cell.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        List<String> header = lines.get(0);
        return lines.subList(1, lines.size()).stream().map(values -> {
            assertThat(values).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), values.get(c));
            }
            return row;
        }).toList();
    }

    private static Map<String, Map<String, String>> byReference(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byReference = new LinkedHashMap<>();
        rows.forEach(row -> byReference.put(row.get("reference"), row));
        return byReference;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(entry.getName()).doesNotStartWith("/").doesNotContain("..");
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
