package eu.clustercalls.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.util.XRLog;

/**
 * A Thymeleaf template of templates/letters (well-formed XHTML and CSS 2.1) rendered to a PDF: the award letter, the
 * application as submitted.
 */
@Component
public class HtmlPdf {

    /**
     * The documents' font, embedded: the PDF standard fonts cover Western European letters only, and a company or a
     * city can be Slovak or Polish (č, ł, ő). PDFBox carries Liberation Sans (SIL Open Font Licence) for its own use.
     */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String FONT_FAMILY = "Liberation Sans";

    private final ITemplateEngine templates;
    private final byte[] font;
    /** The font's measures, read once rather than for every document. */
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new FSDefaultCacheStore();

    HtmlPdf(ITemplateEngine templates) {
        this.templates = templates;
        try (InputStream in = HtmlPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox no longer carries " + FONT + ": the letters need a font of their own");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The renderer writes to the console of its own unless told to log like the application does.
        XRLog.setLoggerImpl(new Slf4jLogger());
    }

    /** The template rendered with the context (its locale included); {@code what} names the document in an error. */
    public byte[] render(String template, Context context, String what) {
        String html = templates.process(template, context);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY)
                    .useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics)
                    .withHtmlContent(html, null)
                    .toStream(pdf)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not be rendered", e);
        }
        return pdf.toByteArray();
    }
}
