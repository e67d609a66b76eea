package io.croupier.roulette;

import io.croupier.check.Check;

/**
 * The stake limits of one roulette table, all in minor units of the table's currency. Checked at construction: a
 * table with impossible limits refuses to open rather than rejecting every bet.
 *
 * <p>Inside bets other than straights may carry {@code straightStakeMinorMax × numbers covered} (a split twice the
 * straight maximum, a six line six times), the usual casino rule: every inside position then risks the same largest
 * payout. All outside bets share {@code outsideStakeMinorMax}. Maxima apply to the total on one position over the
 * round, so splitting a stake into several chips does not get round them.
 *
 * @param stakeMinorMin smallest stake of a single bet; at least 1
 * @param straightStakeMinorMax largest total on one straight-up number in a round
 * @param outsideStakeMinorMax largest total on one outside position (dozen, column, red, …) in a round
 * @param roundTotalStakeMinorMax largest total a player may stake in one round, over all their bets; the round's
 *     returns ({@code ≤ 36 ×} this) must fit a {@code long}
 * @param betsPerRequestMax most bets one request may carry; 1..{@value #BETS_PER_REQUEST_HARD_MAX}
 */
public record TableLimits(
        long stakeMinorMin,
        long straightStakeMinorMax,
        long outsideStakeMinorMax,
        long roundTotalStakeMinorMax,
        int betsPerRequestMax) {

    /** Bound on any table's bets per request, which bounds the work and message size of one request. */
    public static final int BETS_PER_REQUEST_HARD_MAX = 500;

    public TableLimits {
        Check.argument(stakeMinorMin >= 1, "stakeMinorMin must be >= 1, was " + stakeMinorMin);
        Check.argument(straightStakeMinorMax >= stakeMinorMin, "straightStakeMinorMax must be >= stakeMinorMin");
        Check.argument(outsideStakeMinorMax >= stakeMinorMin, "outsideStakeMinorMax must be >= stakeMinorMin");
        Check.argument(roundTotalStakeMinorMax >= straightStakeMinorMax,
                "roundTotalStakeMinorMax must be >= straightStakeMinorMax");
        Check.argument(roundTotalStakeMinorMax >= outsideStakeMinorMax,
                "roundTotalStakeMinorMax must be >= outsideStakeMinorMax");
        Check.argument(roundTotalStakeMinorMax <= Long.MAX_VALUE / (RouletteWheel.POCKETS - 1),
                "roundTotalStakeMinorMax too large: a round's returns would overflow");
        Check.argument(betsPerRequestMax >= 1 && betsPerRequestMax <= BETS_PER_REQUEST_HARD_MAX,
                "betsPerRequestMax must be in 1.." + BETS_PER_REQUEST_HARD_MAX + ", was " + betsPerRequestMax);
    }

    /** The largest total stake one position may carry in a round. Cannot overflow: bounded by the round total × 6. */
    public long stakeMinorMax(BetPosition position) {
        BetKind kind = position.kind();
        if (!kind.isInside()) {
            return outsideStakeMinorMax;
        }
        return Math.multiplyExact(straightStakeMinorMax, (long) kind.numbersCovered());
    }
}
