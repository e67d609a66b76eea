package io.croupier.wallet;

import java.io.Serializable;

/**
 * The hook that may refuse play (self-exclusion, limits, account status, fraud rules). Runs inside the money
 * transaction with the wallet as read under lock: {@link #check} for stake-taking operations (BET, BET_AND_WIN,
 * SPIN), {@link #checkCashier} for deposits and withdrawals. Each returns {@code null} to allow, or the rejection.
 * Whatever a policy reads or writes through the grid's caches joins that transaction, so it commits or rolls back
 * with the money.
 */
@FunctionalInterface
public interface PlayPolicy extends Serializable {
    PlayPolicy ALLOW_ALL = (request, wallet) -> null;

    ResultCode check(MoneyRequest request, Wallet wallet);

    /** Deposits and withdrawals; allowed unless the policy says otherwise. */
    default ResultCode checkCashier(MoneyRequest request, Wallet wallet) {
        return null;
    }

    /**
     * Called in the same transaction after {@code request} was applied (never after a rejection), so a policy can
     * keep state such as a stake count that rolls back with the money. {@code wallet} is the row after the operation;
     * a policy keeps its per-player state there ({@link PolicyState}) and returns the row with that state updated (or
     * unchanged): what it returns is what the transaction writes. {@code amountMinor} is what the operation moved (the
     * stake, deposit, withdrawal, win or refunded bet), {@code winMinor} the win of a BET_AND_WIN or SPIN (drawn in the
     * transaction).
     */
    default Wallet applied(MoneyRequest request, Wallet wallet, long amountMinor, long winMinor) {
        return wallet;
    }

    /** The policies asked in this order: the first refusal wins, and each hears every applied operation. */
    static PlayPolicy inOrder(PlayPolicy... policies) {
        return new PlayPolicies(java.util.List.of(policies));
    }
}
