package eu.clustercalls.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.PdfText;
import eu.clustercalls.call.ActivityType;
import eu.clustercalls.call.ReimbursementModel;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.support.Formats;

/**
 * The award letter's PDF says, in the letter's language, who is awarded what for which activity, on which conditions,
 * with its reference and date; every letter of the names survives (the font is embedded).
 */
@ClusterCallsTest
class AwardLetterPdfTest {

    private static final LocalDate SENT_ON = LocalDate.of(2026, 4, 1);
    private static final AwardLetter LETTER = new AwardLetter("APP-42", "Clúster Tèxtil · Moda de Catalunya",
            "Teixits Fañé i Puig, S.L. – Vilanova i la Geltrú", "Missió comercial a Montréal: l’oportunitat",
            "ADMANTEX2i", ActivityType.BUSINESS_MISSION, "Montréal", "CA", LocalDate.of(2026, 9, 14),
            LocalDate.of(2026, 9, 18), new BigDecimal("1500"), ReimbursementModel.ACTUAL_COSTS_CAPPED,
            LocalDate.of(2026, 10, 18), true);

    @Autowired
    AwardLetterPdf pdf;
    @Autowired
    ClusterCallsProperties properties;

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of(Locale.ENGLISH, Locale.UK, "Award letter APP-42", "Business mission in Montréal (CA)",
                        "Keep your invoices, receipts, boarding passes and the signed attendance list",
                        "up to the maximum grant", "de minimis aid under Commission Regulation (EU) 2023/2831"),
                Arguments.of(Locale.forLanguageTag("es"), Locale.forLanguageTag("es"), "Carta de concesión APP-42",
                        "Misión comercial en Montréal (CA)",
                        "Conserve sus facturas, recibos, tarjetas de embarque y la lista de asistencia firmada",
                        "hasta la ayuda máxima", "ayuda de minimis según el Reglamento (UE) 2023/2831"),
                Arguments.of(Locale.forLanguageTag("ca"), Locale.forLanguageTag("ca"), "Carta de concessió APP-42",
                        "Missió comercial a Montréal (CA)",
                        "Conserveu les factures, els rebuts, les targetes d’embarcament i la llista d’assistència signada",
                        "fins a l’ajut màxim", "ajut de minimis segons el Reglament (UE) 2023/2831"));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theLetterSaysWhoIsAwardedWhatOnWhichConditionsInItsLanguage(Locale locale, Locale figures, String title,
            String activity, String evidence, String reimbursement, String deMinimis) {
        String text = PdfText.of(pdf.render(LETTER, SENT_ON, locale));

        assertThat(text).contains(title, "Clúster Tèxtil · Moda de Catalunya",
                "Teixits Fañé i Puig, S.L. – Vilanova i la Geltrú", "Missió comercial a Montréal: l’oportunitat",
                "ADMANTEX2i", activity, evidence, reimbursement, deMinimis,
                Formats.euros(new BigDecimal("1500"), figures), Formats.date(SENT_ON, figures),
                Formats.date(LETTER.activityStart(), figures), Formats.date(LETTER.activityEnd(), figures),
                // The claim's deadline with the zone in which it ends.
                Formats.deadlineDay(LETTER.claimBy(), properties.timeZone(), figures));
    }

    @Test
    void theAmountsAndDatesAreWrittenAsEachLanguageWritesThem() {
        assertThat(PdfText.of(pdf.render(LETTER, SENT_ON, Locale.ENGLISH))).contains("€1,500.00", "1 April 2026");
        assertThat(PdfText.of(pdf.render(LETTER, SENT_ON, Locale.forLanguageTag("es"))))
                .contains("1.500,00\u00a0€", "1 de abril de 2026");
        assertThat(PdfText.of(pdf.render(LETTER, SENT_ON, Locale.forLanguageTag("ca"))))
                .contains("1.500,00\u00a0€", "1 d’abril de 2026");
    }

    @Test
    void aLetterWithoutDeMinimisAidSaysNothingOfIt() {
        AwardLetter noDeMinimis = new AwardLetter("APP-43", "Test Cluster", "Plastikárska spoločnosť Žilina, s.r.o.",
                "Trade fair in Milan", "EXTRATEX", ActivityType.TRADE_FAIR, "Milan", "IT", LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 9, 18), new BigDecimal("2000"), ReimbursementModel.LUMP_SUM,
                LocalDate.of(2026, 10, 18), false);

        String text = PdfText.of(pdf.render(noDeMinimis, SENT_ON, Locale.ENGLISH));

        assertThat(text).contains("Plastikárska spoločnosť Žilina, s.r.o.", "Trade fair in Milan (IT)",
                "We pay a fixed amount, up to the maximum grant, on proof that your company attended the activity.")
                .doesNotContain("de minimis");
    }
}
