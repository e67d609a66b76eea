package io.croupier.fraud;

import io.croupier.check.Check;
import java.io.Serializable;

/**
 * Thresholds of the inline risk rules.
 *
 * @param stakesPerSecondMax        most stake-taking operations (bets, spins) one player may make in one clock second
 * @param stakesPerMinuteMax        most stake-taking operations one player may make in one clock minute
 * @param stakeJumpFactorMax        a stake above this many times the player's recent average stake is held; 0 = off
 * @param stakeJumpHistoryStakesMin stakes a player must have made before the stake-jump rule judges (an average of
 *                                  a few stakes says little)
 */
public record RiskSettings(int stakesPerSecondMax, int stakesPerMinuteMax, int stakeJumpFactorMax,
                           int stakeJumpHistoryStakesMin) implements Serializable {
    public RiskSettings {
        Check.argument(stakesPerSecondMax >= 1, "stakesPerSecondMax must be >= 1");
        Check.argument(stakesPerMinuteMax >= stakesPerSecondMax, "stakesPerMinuteMax must be >= stakesPerSecondMax");
        Check.argument(stakeJumpFactorMax == 0 || stakeJumpFactorMax >= 2, "stakeJumpFactorMax must be 0 (off) or >= 2");
        Check.argument(stakeJumpHistoryStakesMin >= 1, "stakeJumpHistoryStakesMin must be >= 1");
    }

    /** High enough for any human player and for load tests that spread over many wallets. */
    public static RiskSettings defaults() {
        return new RiskSettings(50, 1_000, 100, 20);
    }
}
