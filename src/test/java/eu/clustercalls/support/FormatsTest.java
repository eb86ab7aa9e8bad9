package eu.clustercalls.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void plainTextStaysAsItIs() {
        assertThat(Formats.markdownText("Marta Puig (Export manager), 2 buyers met in Montréal — 450.00 EUR"))
                .isEqualTo("Marta Puig (Export manager), 2 buyers met in Montréal — 450.00 EUR");
    }

    @Test
    void tagsLinksAndImagesBecomeText() {
        assertThat(Formats.markdownText("<script>alert(1)</script> [x](javascript:alert(1)) ![p](https://e.example/p.png)"))
                .isEqualTo("\\<script\\>alert(1)\\</script\\> \\[x\\](javascript:alert(1)) !\\[p\\](https\\://e.example/p.png)");
    }

    @Test
    void headingsListsAndRulesAtTheStartOfALineBecomeText() {
        assertThat(Formats.markdownText("# Approved\n- item\n  + item\n1. first\n2) second\n===\nR&D **bold** a_b |x| ~~y~~"))
                .isEqualTo("\\# Approved\n\\- item\n  \\+ item\n1\\. first\n2\\) second\n\\===\n"
                        + "R\\&D \\*\\*bold\\*\\* a\\_b \\|x\\| \\~\\~y\\~\\~");
    }

    @Test
    void addressesStayTextAndDoNotBecomeLinks() {
        assertThat(Formats.markdownText("See https://evil.example/pay, HTTP://x.example, ftp://f.example, "
                + "www.evil.example, WWW.x.example or boss@evil.example (11:30)"))
                .isEqualTo("See https\\://evil.example/pay, HTTP\\://x.example, ftp\\://f.example, "
                        + "www\\.evil.example, WWW\\.x.example or boss\\@evil.example (11:30)");
    }

    @Test
    void aBackslashTypedStaysABackslash() {
        assertThat(Formats.markdownText("C:\\temp\\<b>")).isEqualTo("C:\\\\temp\\\\\\<b\\>");
    }

    @Test
    void listLinesAreText() {
        assertThat(Formats.markdownList(List.of("1. APP-1 <b>Bold</b> SL"), 1)).isEqualTo("- 1\\. APP-1 \\<b\\>Bold\\</b\\> SL\n");
    }

    @Test
    void englishDatesAndFiguresAreWrittenTheBritishWayAndDeadlinesCarryTheirZone() {
        ZoneId madrid = ZoneId.of("Europe/Madrid");

        assertThat(Formats.date(LocalDate.of(2027, 1, 6), Locale.ENGLISH)).isEqualTo("6 January 2027");
        assertThat(Formats.dateTime(LocalDateTime.of(2027, 1, 6, 23, 59).atZone(madrid), Locale.ENGLISH))
                .isEqualTo("6 January 2027, 23:59 CET");
        assertThat(Formats.deadlineDay(LocalDate.of(2027, 7, 31), madrid, Locale.ENGLISH))
                .isEqualTo("31 July 2027 (Europe/Madrid)");
        assertThat(Formats.deadlineDay(LocalDate.of(2027, 7, 31), madrid, Locale.forLanguageTag("ca")))
                .startsWith("31 de juliol de 2027").endsWith("(Europe/Madrid)");
        assertThat(Formats.euros(new BigDecimal("1500.5"), Locale.ENGLISH)).isEqualTo("€1,500.50");
    }

    @Test
    void anAmountOfAnotherCurrencyKeepsItsCentsInTheReadersWay() {
        assertThat(Formats.cents(new BigDecimal("850.4"), Locale.forLanguageTag("ca"))).isEqualTo("850,40");
        assertThat(Formats.cents(new BigDecimal("1020"), Locale.forLanguageTag("es"))).isEqualTo("1.020,00");
        assertThat(Formats.cents(new BigDecimal("1020"), Locale.ENGLISH)).isEqualTo("1,020.00");
    }
}
