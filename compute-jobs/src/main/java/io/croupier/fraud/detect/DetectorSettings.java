package io.croupier.fraud.detect;

import io.croupier.check.Check;

/**
 * How a node runs its detector (node configuration; the rules' thresholds are {@link DetectSettings}, on the grid).
 *
 * @param threads         detector threads; a player always maps to the same one, so a player's events are judged in
 *                        commit order
 * @param queueEventsMax  events waiting per thread; when full, new events are dropped and counted (the commit lane
 *                        never waits), and the sweep catches up with the players they belonged to
 * @param sweepPeriodMs   how often the node sweeps its primary partitions for players whose activity missed events
 * @param retrainPeriodMs how often the oldest server retrains the anomaly model from the grid
 */
public record DetectorSettings(int threads, int queueEventsMax, long sweepPeriodMs, long retrainPeriodMs) {
    public DetectorSettings {
        Check.argument(threads >= 1 && threads <= 64, "threads must be in 1..64");
        Check.argument(queueEventsMax >= 1, "queueEventsMax must be >= 1");
        Check.argument(sweepPeriodMs >= 100, "sweepPeriodMs must be >= 100");
        Check.argument(retrainPeriodMs >= 1_000, "retrainPeriodMs must be >= 1000");
    }

    public static DetectorSettings defaults() {
        return new DetectorSettings(1, 100_000, 300_000, 3_600_000);
    }
}
