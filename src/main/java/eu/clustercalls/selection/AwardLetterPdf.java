package eu.clustercalls.selection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.util.XRLog;

import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.support.Formats;

/** The award letter as a PDF in a language: templates/letters/award-letter.html, its texts in messages/letters. */
@Component
class AwardLetterPdf {

    private static final String TEMPLATE = "letters/award-letter";
    /**
     * The letter's font, embedded: the PDF standard fonts cover Western European letters only, and a company or a city
     * can be Slovak or Polish (č, ł, ő). PDFBox carries Liberation Sans (SIL Open Font Licence) for its own use.
     */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String FONT_FAMILY = "Liberation Sans";

    private final ITemplateEngine templates;
    /** The zone the claim deadline is kept in, written with it. */
    private final ZoneId zone;
    private final byte[] font;
    /** The font's measures, read once rather than for every letter. */
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new FSDefaultCacheStore();

    AwardLetterPdf(ITemplateEngine templates, ClusterCallsProperties properties) {
        this.templates = templates;
        this.zone = properties.timeZone();
        try (InputStream in = AwardLetterPdf.class.getResourceAsStream(FONT)) {
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

    /** The letter dated {@code date}, with its amounts and dates written as the language writes them. */
    byte[] render(AwardLetter letter, LocalDate date, Locale locale) {
        Locale figures = Formats.figures(locale);
        Context context = new Context(locale);
        context.setVariable("letter", letter);
        context.setVariable("date", Formats.date(date, figures));
        context.setVariable("grant", Formats.euros(letter.grant(), figures));
        context.setVariable("activityStart", Formats.date(letter.activityStart(), figures));
        context.setVariable("activityEnd", Formats.date(letter.activityEnd(), figures));
        context.setVariable("claimBy", Formats.deadlineDay(letter.claimBy(), zone, figures));
        String html = templates.process(TEMPLATE, context);
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
            throw new UncheckedIOException("The award letter " + letter.applicationReference() + " could not be rendered", e);
        }
        return pdf.toByteArray();
    }
}
