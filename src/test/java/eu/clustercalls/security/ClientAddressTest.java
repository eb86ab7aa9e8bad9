package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4ClientCountsByItsAddress() {
        assertThat(ClientAddress.of("192.0.2.17")).isEqualTo("192.0.2.17");
        assertThat(ClientAddress.of("::ffff:192.0.2.17")).isEqualTo("192.0.2.17");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64SinceOneSubscriberHoldsAllOfIt() {
        assertThat(ClientAddress.of("2001:db8:1:2:a:b:c:d")).isEqualTo(ClientAddress.of("2001:db8:1:2::99"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::1"));
    }

    @Test
    void withoutAnAddressTheClientIsTheNodeItself() {
        assertThat(ClientAddress.of(null)).isEqualTo(ClientAddress.LOCAL);
        assertThat(ClientAddress.current()).as("no request on this thread").isEqualTo(ClientAddress.LOCAL);
    }
}
