package eu.clustercalls.reimbursement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.Scenario;
import eu.clustercalls.security.Roles;

/**
 * What only a running server shows (MockMvc neither parses multipart bodies nor applies their limits): a claim over
 * spring.servlet.multipart's limits, refused while the request is read, and a claim that is not multipart at all.
 * Both fail before the claim is looked up, so a signed-in SME user is all they need.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Scenario.class)
class ClaimUploadLimitTest {

    private static final String BOUNDARY = "claim-boundary-7MA4YWxkTrZu0gW";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;

    private final HttpClient client = HttpClient.newHttpClient();
    private String authorization;
    private String csrfToken;

    @BeforeEach
    void anSmeUser() throws Exception {
        String user = scenario.user("sme-" + Scenario.next(), Roles.SME);
        authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + Scenario.PASSWORD).getBytes(StandardCharsets.UTF_8));
        csrfToken = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/csrf-token")).build(), HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
    }

    private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/applications/1/expense-claim"))
                .header("Authorization", authorization).header("Content-Type", contentType)
                .header("X-CSRF-TOKEN", csrfToken).header("Cookie", "CLUSTERCALLS-CSRF=" + csrfToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        return JSON.readTree(response.body());
    }

    @Test
    void fileOverTheMultipartLimitIsRefusedWithAReadableMessage() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"claim\"\r\n"
                + "Content-Type: application/json\r\n\r\n{}\r\n--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"flight\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII));
        // spring.servlet.multipart.max-file-size is 20 MB.
        body.write(new byte[20 * 1024 * 1024 + 1]);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        JsonNode problem = problem(post("multipart/form-data; boundary=" + BOUNDARY, body.toByteArray()), 413);

        assertThat(problem.get("detail").asText()).isEqualTo("The files are too large to be received. A file may be "
                + "at most 10 MB and the files of a claim 50 MB together; please send smaller scans.");
    }

    @Test
    void aFormWithManyFieldsIsReadWhole() throws Exception {
        // The portal's claim form has about 60 fields, each a part; Tomcat reads only 10 unless told otherwise.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"claim\"\r\n"
                + "Content-Type: application/json\r\n\r\n{}\r\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 80; i++) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"field" + i + "\"\r\n\r\nx\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> response = post("multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());

        // Read, then refused for what it says (a claim of an application this user does not have; the service checks
        // that before the claim's fields), not for its number of parts.
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("too large");
    }

    @Test
    void aPortalUploadOverTheLimitGetsAnErrorPageInTheReadersLanguage() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"item0Receipt\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII));
        body.write(new byte[20 * 1024 * 1024 + 1]);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/portal/applications/1/claim"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("Accept-Language", "es")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"es\"", "Los archivos son demasiado grandes",
                "como máximo 10 MB").doesNotContain("Exception", "??");
    }

    @Test
    void claimSentAsPlainJsonIsRefusedWithAReadableMessage() throws Exception {
        JsonNode problem = problem(post("application/json", "{\"daysAttended\": 3}".getBytes(StandardCharsets.UTF_8)), 400);

        assertThat(problem.get("detail").asText()).isEqualTo(ClaimControllerTest.NOT_MULTIPART);
    }
}
