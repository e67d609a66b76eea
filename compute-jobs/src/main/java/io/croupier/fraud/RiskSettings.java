package io.croupier.fraud;

import io.croupier.check.Check;
import java.io.Serializable;

/**
 * Thresholds of the inline risk rules.
 *
 * @param stakesPerSecondMax most stake-taking operations (bets, spins) one player may make within one clock second
 * @param stakesPerMinuteMax most stake-taking operations one player may make within one clock minute
 */
public record RiskSettings(int stakesPerSecondMax, int stakesPerMinuteMax) implements Serializable {
    public RiskSettings {
        Check.argument(stakesPerSecondMax >= 1, "stakesPerSecondMax must be >= 1");
        Check.argument(stakesPerMinuteMax >= stakesPerSecondMax, "stakesPerMinuteMax must be >= stakesPerSecondMax");
    }

    /** High enough for any human player and for load tests that spread over many wallets. */
    public static RiskSettings defaults() {
        return new RiskSettings(50, 1_000);
    }
}
