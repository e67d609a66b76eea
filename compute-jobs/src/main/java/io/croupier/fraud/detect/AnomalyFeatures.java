package io.croupier.fraud.detect;

/**
 * The features the anomaly score combines, computed from a player's activity at a moment. Each is oriented so that
 * higher is more suspicious, and each has a floor for its spread so that a feature on which the whole population
 * agrees (every player has 0 deposits near the threshold) cannot make one small difference look enormous.
 */
public final class AnomalyFeatures {
    /** Names, in the order of {@link #of}; stored with the model so a score explains itself. */
    public static final String[] NAMES = {
            "winRateZ", "unplayedDepositShare", "nearThresholdDeposits", "cashierVolumeLog10", "linkedAlerts"};
    /** Smallest spread used to standardise each feature. */
    static final double[] SPREAD_FLOOR = {1.0, 0.1, 0.5, 0.5, 0.5};

    private AnomalyFeatures() {
    }

    /**
     * @param a            the player's activity
     * @param nowMs        the time the windows end (the triggering event's time, or the training run's)
     * @param s            thresholds (windows, the reporting threshold)
     * @param linkedAlerts the player's OPEN alerts of the cross-player rules (multi-accounting, collusion, chip
     *                     dumping)
     */
    public static double[] of(PlayerActivity a, long nowMs, DetectSettings s, int linkedAlerts) {
        long depositFrom = nowMs - s.lowWageringWindowMs();
        long deposits = a.depositsMinor(depositFrom, nowMs);
        double unplayed = deposits <= 0 ? 0
                : Math.max(0, 1 - (double) a.wageredSinceFirstDepositMinor(depositFrom, nowMs) / deposits);
        long threshold = s.structuringThresholdMinor();
        int near = a.depositsBetween(nowMs - s.structuringWindowMs(), nowMs,
                (long) Math.ceil(threshold * (1 - s.structuringBelowShareMax())), threshold);
        long volume = a.cashierVolumeMinorAndCount(nowMs - s.largeAggregateWindowMs(), nowMs)[0];
        return new double[] {a.winRateZ(), unplayed, near, Math.log10(1 + volume), linkedAlerts};
    }
}
