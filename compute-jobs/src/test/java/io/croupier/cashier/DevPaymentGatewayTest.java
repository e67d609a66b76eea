package io.croupier.cashier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevPaymentGatewayTest {
    @Test
    void theDevGatewayDeclinesOnlyTokensStartingWithTokDecline() {
        DevPaymentGateway gateway = new DevPaymentGateway();
        assertThat(gateway.authorize(1, "k", "tok_visa", 100, "EUR").approved()).isTrue();
        assertThat(gateway.authorize(1, "k", "tok_decline_insufficient", 100, "EUR").approved()).isFalse();
        assertThat(gateway.authorize(1, "k", "tok_declin", 100, "EUR").approved()).isTrue();
    }
}
