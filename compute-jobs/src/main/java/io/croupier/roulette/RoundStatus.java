package io.croupier.roulette;

/** The life of a table round. Each step is one transaction on the round row; only the table's driver writes it. */
public enum RoundStatus {
    /** Bets are accepted until {@code closesAt}. */
    OPEN,
    /** No more bets; the result is about to be drawn. */
    CLOSED,
    /** The number is drawn and the round's seed revealed; bets are being paid. */
    RESULT,
    /** Every winning bet is paid. */
    SETTLED,
    /**
     * The round will not be completed (interrupted too long, or its table is closing): no bets are accepted and its
     * bets are being refunded. Recorded before the first refund, so the decision survives a failure half-way.
     */
    REFUNDING,
    /** The round could not be completed; every bet was refunded. */
    REFUNDED
}
