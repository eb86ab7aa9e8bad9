package eu.clustercalls.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import eu.clustercalls.security.FormTexts;

/** A document's line in a staff form: our link, the SME's name as text, its type and a size people read. */
class DocumentLinksTest {

    @Test
    void theNameIsTextInsideOurLinkAndTheTypeAndSizeFollow() {
        String line = DocumentLinks.line("/staff/claims/7/documents/12",
                "](/evil) <img src=x> www.evil.example.pdf", "image/png", 12_595, "receipt of item 2", null);

        assertThat(line).isEqualTo("[\\](/evil) \\<img src=x\\> www\\.evil.example.pdf](/staff/claims/7/documents/12)"
                + " — receipt of item 2, PNG, 12.3 KB");
        assertThat(FormTexts.markup(line)).as("markup besides our link").isEmpty();
    }

    @Test
    void aNoteFollowsTheSize() {
        assertThat(DocumentLinks.line("/staff/claims/7/documents/13", "ticket.pdf", "application/pdf", 1, "receipt",
                "**USED ELSEWHERE:** also handed in with CLM-3"))
                .endsWith("— receipt, PDF, 1 byte — **USED ELSEWHERE:** also handed in with CLM-3");
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(DocumentLinks.size(850)).isEqualTo("850 bytes");
        assertThat(DocumentLinks.size(12_595)).isEqualTo("12.3 KB");
        assertThat(DocumentLinks.size(1_572_864)).isEqualTo("1.5 MB");
    }
}
