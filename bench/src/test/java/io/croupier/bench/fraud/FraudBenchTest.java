package io.croupier.bench.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FraudBenchTest {
    @Test
    void aSessionsDeviceMatchesAsSentOrAsItsSha256() {
        // SHA-256("abc"), the FIPS 180-2 test vector
        String hash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(FraudBench.sameDevice("abc", "abc")).isTrue();
        assertThat(FraudBench.sameDevice("abc", hash)).isTrue();
        assertThat(FraudBench.sameDevice("abc", hash.toUpperCase())).isTrue();
        assertThat(FraudBench.sameDevice("abd", hash)).isFalse();
        assertThat(FraudBench.sameDevice("abc", null)).isFalse();
    }
}
