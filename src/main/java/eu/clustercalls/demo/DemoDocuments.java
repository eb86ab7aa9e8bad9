package eu.clustercalls.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Receipts and an attendance list for the demo's paid claim: real PDFs, so that a monitoring visit can open them. */
final class DemoDocuments {

    // Shipped inside PDFBox, as for the award letters: no font of the machine is needed.
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private DemoDocuments() {
    }

    /** A one-page A5 document with these lines, the first as its heading. */
    static byte[] pdf(String... lines) {
        try (PDDocument document = new PDDocument(); InputStream font = PDDocument.class.getResourceAsStream(FONT)) {
            PDPage page = new PDPage(PDRectangle.A5);
            document.addPage(page);
            PDType0Font sans = PDType0Font.load(document, font);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.newLineAtOffset(40, page.getMediaBox().getHeight() - 60);
                for (int i = 0; i < lines.length; i++) {
                    text.setFont(sans, i == 0 ? 16 : 11);
                    text.showText(lines[i]);
                    text.newLineAtOffset(0, i == 0 ? -28 : -18);
                }
                text.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("A demo document could not be written", e);
        }
    }
}
