package io.croupier.cashier;

/**
 * The development and demo payment provider: approves every token except those starting with {@value #DECLINE_PREFIX},
 * which it declines, so the declined-deposit path can be tried from the web client and tests. Never for real money.
 */
public final class DevPaymentGateway implements PaymentGateway {
    public static final String DECLINE_PREFIX = "tok_decline";

    @Override
    public Authorization authorize(long playerId, String idempotencyKey, String paymentToken, long amountMinor,
                                   String currency) {
        return paymentToken.startsWith(DECLINE_PREFIX) ? Authorization.decline("declined by the dev gateway")
                : Authorization.approve();
    }
}
