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
    /** The round could not be completed; every bet was refunded. */
    REFUNDED
}
