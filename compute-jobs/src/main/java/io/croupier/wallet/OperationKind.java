package io.croupier.wallet;

/** What a money operation does to the player's wallet. */
public enum OperationKind {
    /** Cash in from a payment provider: wallet credit against HOUSE_CASHIER. */
    DEPOSIT,
    /** Cash out: wallet debit against HOUSE_CASHIER. */
    WITHDRAW,
    /** Stake debit against HOUSE_BETS. */
    BET,
    /** Win credit against HOUSE_BETS. */
    WIN,
    /** Refund of an earlier BET, found by its idempotency key; a bet is voided at most once. */
    VOID,
    /** The money part of a game round in one transaction: stake debit and win credit (win may be zero). */
    BET_AND_WIN,
    /**
     * A slot round in one transaction: stake debit, outcome drawn from the player's seeds, win credit, round record,
     * nonce + 1. The request names the game (reference) and the stake; the win is decided inside the transaction.
     */
    SPIN,
    /** An administrator's correction in the player's favour: wallet credit against HOUSE_ADJUSTMENTS. */
    ADJUST_CREDIT,
    /** An administrator's correction against the player: wallet debit against HOUSE_ADJUSTMENTS (never below 0). */
    ADJUST_DEBIT
}
