package eu.clustercalls.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditPackTest {

    @Test
    void aFileNameBecomesOneHarmlessEntryName() {
        assertThat(AuditPack.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AuditPack.safeName("C:\\Users\\marta\\Factura hotel Montréal.pdf"))
                .isEqualTo("Factura_hotel_Montréal.pdf");
        assertThat(AuditPack.safeName("..")).isEqualTo("document");
        assertThat(AuditPack.safeName(".htaccess")).isEqualTo("htaccess");
        assertThat(AuditPack.safeName("a/b:c*?.png")).isEqualTo("b_c__.png");
        assertThat(AuditPack.safeName(null)).isEqualTo("document");
    }
}
