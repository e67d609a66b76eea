package io.croupier.wallet;

/**
 * Ledger accounts. The house side of a player's transfer is posted in the player's own partition (the ledger
 * row is keyed by the player), so no single house key serialises the traffic; house totals are aggregates.
 */
public enum Account {
    /** The player's own wallet; Σ of its rows per player equals WALLET.BALANCE. */
    WALLET,
    /** Counterpart of deposits and withdrawals (money in/out through payment providers). */
    HOUSE_CASHIER,
    /** Counterpart of stakes, wins and voids (the house's gaming position). */
    HOUSE_BETS,
    /** Counterpart of administrators' manual corrections (ADJUST_CREDIT / ADJUST_DEBIT). */
    HOUSE_ADJUSTMENTS
}
