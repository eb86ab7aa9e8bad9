package eu.clustercalls.selection;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.document.HtmlPdf;
import eu.clustercalls.support.Formats;

/** The award letter as a PDF in a language: templates/letters/award-letter.html, its texts in messages/letters. */
@Component
class AwardLetterPdf {

    private static final String TEMPLATE = "letters/award-letter";

    private final HtmlPdf pdf;
    /** The zone the claim deadline is kept in, written with it. */
    private final ZoneId zone;

    AwardLetterPdf(HtmlPdf pdf, ClusterCallsProperties properties) {
        this.pdf = pdf;
        this.zone = properties.timeZone();
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
        return pdf.render(TEMPLATE, context, "The award letter " + letter.applicationReference());
    }
}
