package io.croupier.roulette;

/**
 * A bet as the client asked for it, not yet validated: a kind name, numbers in any order (null or empty for the
 * even-money bets) and a stake in minor units. An input carrier only: it is compared by identity, its array is not
 * copied, and nothing keeps it after validation.
 */
public record BetOrder(String kind, int[] selection, long stakeMinor) {
}
