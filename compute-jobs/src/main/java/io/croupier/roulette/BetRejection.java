package io.croupier.roulette;

/** Why a bet or a request of bets was refused. Expected outcomes of client input, returned as values. */
public enum BetRejection {
    /** The bet kind name is not one of {@link BetKind}'s names (names are matched exactly, upper case). */
    UNKNOWN_BET_KIND,
    /** The numbers do not form a bet of that kind on the layout. */
    INVALID_SELECTION,
    /** The stake is below the table minimum; zero and negative stakes are reported as this too. */
    STAKE_BELOW_MIN,
    /** The position's total stake in the round would exceed the table maximum for it. */
    STAKE_ABOVE_MAX,
    /** The request carries no bets. */
    NO_BETS,
    /** The request carries more bets than the table allows in one request. */
    TOO_MANY_BETS,
    /** The player's total stake in the round would exceed the table maximum. */
    TOTAL_ABOVE_MAX
}
