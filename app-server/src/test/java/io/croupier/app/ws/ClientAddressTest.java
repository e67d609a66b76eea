package io.croupier.app.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress nginxOnThisHost = new ClientAddress(List.of("127.0.0.1", "::1"));
    private final ClientAddress proxiesInTheDataCentre = new ClientAddress(List.of("10.0.0.0/8"));

    @Test
    void aDirectClientIsItsSocketPeerWhateverItsHeaderClaims() {
        assertThat(nginxOnThisHost.resolve("198.51.100.4", List.of("203.0.113.9"))).isEqualTo("198.51.100.4");
        assertThat(nginxOnThisHost.resolve("198.51.100.4", List.of())).isEqualTo("198.51.100.4");
    }

    @Test
    void behindATrustedProxyTheClientIsTheAddressTheProxyAppended() {
        assertThat(nginxOnThisHost.resolve("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aForgedHeaderThroughTheProxyIsIgnoredBecauseTheListIsReadFromTheRight() {
        // The client sent "X-Forwarded-For: 192.0.2.66"; nginx appended the address it really saw.
        assertThat(nginxOnThisHost.resolve("127.0.0.1", List.of("192.0.2.66, 203.0.113.9")))
                .isEqualTo("203.0.113.9");
        assertThat(nginxOnThisHost.resolve("127.0.0.1", List.of("192.0.2.66", "203.0.113.9")))
                .as("the same list split over two header lines").isEqualTo("203.0.113.9");
    }

    @Test
    void aChainOfTrustedProxiesIsSkipped() {
        assertThat(proxiesInTheDataCentre.resolve("10.1.0.2", List.of("203.0.113.9, 10.2.0.7")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void garbageInTheHeaderStopsTrustAtTheLastProxy() {
        assertThat(nginxOnThisHost.resolve("127.0.0.1", List.of("unknown"))).isEqualTo("127.0.0.1");
        assertThat(nginxOnThisHost.resolve("127.0.0.1", List.of("evil.example.com"))).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6LiteralsAreParsedAndNormalised() {
        assertThat(nginxOnThisHost.resolve("0:0:0:0:0:0:0:1", List.of("[2001:db8::7]")))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(ClientAddress.literal("999.1.1.1")).isEmpty();
        assertThat(ClientAddress.literal("1.2.3")).isEmpty();
        assertThat(ClientAddress.literal("localhost")).as("never a name lookup").isEmpty();
    }

    @Test
    void aTrustedProxyEntryThatIsNotAnAddressRefusesToStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("nginx.internal")))
                .hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("trusted-proxies");
    }
}
