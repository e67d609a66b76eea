package io.croupier.rg;

/** The limits a player can set on themselves. Periods are calendar periods in UTC (weeks start on Monday). */
public enum LimitKind {
    /** Most money deposited per calendar day. */
    DEPOSIT_DAY,
    /** Most money deposited per calendar week (Monday to Sunday). */
    DEPOSIT_WEEK,
    /** Most money deposited per calendar month. */
    DEPOSIT_MONTH,
    /** Most net loss (stakes − wins − refunded stakes) per calendar day. */
    LOSS_DAY;

    public boolean isDeposit() {
        return this != LOSS_DAY;
    }
}
