package io.croupier.wallet;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The money API the app server and the games call. Every operation is a double-entry transfer applied in one ACID
 * transaction on the node that owns the player's data, idempotent on the caller's key.
 */
public interface WalletService {
    /**
     * Submits an operation. The future completes with OK (also for a replay of an applied key) or a rejection code;
     * it never completes exceptionally. UNAVAILABLE means the outcome is unknown: retry with the same key.
     */
    CompletableFuture<MoneyResult> submit(MoneyRequest request);

    /** {@link #submit} and wait. */
    default MoneyResult execute(MoneyRequest request) {
        return submit(request).join();
    }

    /** The committed wallet of a player, if the player exists. */
    Optional<Wallet> wallet(long playerId);
}
