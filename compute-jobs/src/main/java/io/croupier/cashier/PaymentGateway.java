package io.croupier.cashier;

/**
 * The payment provider as the cashier sees it: may this payment token be charged this amount? Called before the money
 * transaction, never inside it (it waits on the network). An implementation must be idempotent on the idempotency
 * key, as providers' authorisation APIs are, so a retried deposit is never charged twice.
 */
@FunctionalInterface
public interface PaymentGateway {
    Authorization authorize(long playerId, String idempotencyKey, String paymentToken, long amountMinor,
                            String currency);

    /** The provider's answer. {@code reason} says why it declined (shown to nobody but logs and the player). */
    record Authorization(boolean approved, String reason) {
        public static Authorization approve() {
            return new Authorization(true, null);
        }

        public static Authorization decline(String reason) {
            return new Authorization(false, reason);
        }
    }
}
