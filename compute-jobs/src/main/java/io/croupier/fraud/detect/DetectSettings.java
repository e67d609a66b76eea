package io.croupier.fraud.detect;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The thresholds of the detection rules, read from RISK_SETTING ({@link RiskSettingStore}) with these defaults.
 * A snapshot: the detector reads one per batch of events, so a change made with {@code admin risk-set} applies from
 * the next batch, on every node, without a restart. Every name is documented in docs/operations.md.
 *
 * @param lowWageringWindowMs          AML_LOW_WAGERING looks at deposits made this long before a withdrawal
 * @param lowWageringShareMin          ... and alerts when the wagering since the first of them is below this share
 * @param lowWageringDepositsMinorMin  ... of deposits totalling at least this (minor units), so pennies don't alert
 * @param structuringThresholdMinor    the reporting threshold deposits are kept just under (minor units)
 * @param structuringBelowShareMax     a deposit within this share below the threshold counts as "just under"
 * @param structuringDepositsMin       AML_STRUCTURING alerts at this many such deposits ...
 * @param structuringWindowMs          ... within this window
 * @param largeTransactionMinorMin     AML_LARGE_TRANSACTION: one deposit or withdrawal of at least this much
 * @param largeAggregateMinorMin       AML_LARGE_AGGREGATE: deposits plus withdrawals of at least this much ...
 * @param largeAggregateWindowMs       ... within this window (two or more transactions)
 * @param winRateRoundsMin             WIN_RATE_ANOMALY judges a player from this many rounds on
 * @param winRateZMedium               a z-score at or above this → MEDIUM (hold withdrawals)
 * @param winRateZHigh                 a z-score at or above this → HIGH (block play)
 * @param winRateRoundWinSdMax         a round's win counts at most this many standard deviations above its mean
 * @param defaultRtp                   theoretical RTP of a third-party round (BET_AND_WIN) whose game we do not know
 * @param defaultVariancePerUnit       variance of its return per unit stake
 * @param anomalyScoreMin              ANOMALY_SCORE alerts (LOW) at or above this combined score
 * @param anomalyPlayersMin            the model is used only once trained on at least this many players
 */
public record DetectSettings(long lowWageringWindowMs, double lowWageringShareMin, long lowWageringDepositsMinorMin,
                             long structuringThresholdMinor, double structuringBelowShareMax,
                             long structuringDepositsMin, long structuringWindowMs, long largeTransactionMinorMin,
                             long largeAggregateMinorMin, long largeAggregateWindowMs, long winRateRoundsMin,
                             double winRateZMedium, double winRateZHigh, double winRateRoundWinSdMax,
                             double defaultRtp,
                             double defaultVariancePerUnit, double anomalyScoreMin, long anomalyPlayersMin) {
    public static final String LOW_WAGERING_WINDOW_MS = "aml.lowWagering.windowMs";
    public static final String LOW_WAGERING_SHARE_MIN = "aml.lowWagering.wageringShareMin";
    public static final String LOW_WAGERING_DEPOSITS_MINOR_MIN = "aml.lowWagering.depositsMinorMin";
    public static final String STRUCTURING_THRESHOLD_MINOR = "aml.structuring.thresholdMinor";
    public static final String STRUCTURING_BELOW_SHARE_MAX = "aml.structuring.belowShareMax";
    public static final String STRUCTURING_DEPOSITS_MIN = "aml.structuring.depositsMin";
    public static final String STRUCTURING_WINDOW_MS = "aml.structuring.windowMs";
    public static final String LARGE_TRANSACTION_MINOR_MIN = "aml.large.transactionMinorMin";
    public static final String LARGE_AGGREGATE_MINOR_MIN = "aml.large.aggregateMinorMin";
    public static final String LARGE_AGGREGATE_WINDOW_MS = "aml.large.aggregateWindowMs";
    public static final String WIN_RATE_ROUNDS_MIN = "winRate.roundsMin";
    public static final String WIN_RATE_Z_MEDIUM = "winRate.zMedium";
    public static final String WIN_RATE_Z_HIGH = "winRate.zHigh";
    public static final String WIN_RATE_ROUND_WIN_SD_MAX = "winRate.roundWinSdMax";
    public static final String DEFAULT_RTP = "winRate.default.rtp";
    public static final String DEFAULT_VARIANCE_PER_UNIT = "winRate.default.variancePerUnit";
    public static final String ANOMALY_SCORE_MIN = "anomaly.scoreMin";
    public static final String ANOMALY_PLAYERS_MIN = "anomaly.playersMin";

    private static final long DAY_MS = 86_400_000L;

    public static DetectSettings defaults() {
        return new DetectSettings(7 * DAY_MS, 0.30, 10_000, 1_000_000, 0.10, 3, DAY_MS, 1_000_000, 1_000_000, DAY_MS,
                100, 4.5, 6.0, 10.0, 0.96, 25.0, 8.0, 50);
    }

    /** Every setting with its default, as {@link RiskSettingStore#writeDefaults} takes them. */
    public static Map<String, BigDecimal> defaultValues() {
        DetectSettings d = defaults();
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put(LOW_WAGERING_WINDOW_MS, BigDecimal.valueOf(d.lowWageringWindowMs));
        m.put(LOW_WAGERING_SHARE_MIN, BigDecimal.valueOf(d.lowWageringShareMin));
        m.put(LOW_WAGERING_DEPOSITS_MINOR_MIN, BigDecimal.valueOf(d.lowWageringDepositsMinorMin));
        m.put(STRUCTURING_THRESHOLD_MINOR, BigDecimal.valueOf(d.structuringThresholdMinor));
        m.put(STRUCTURING_BELOW_SHARE_MAX, BigDecimal.valueOf(d.structuringBelowShareMax));
        m.put(STRUCTURING_DEPOSITS_MIN, BigDecimal.valueOf(d.structuringDepositsMin));
        m.put(STRUCTURING_WINDOW_MS, BigDecimal.valueOf(d.structuringWindowMs));
        m.put(LARGE_TRANSACTION_MINOR_MIN, BigDecimal.valueOf(d.largeTransactionMinorMin));
        m.put(LARGE_AGGREGATE_MINOR_MIN, BigDecimal.valueOf(d.largeAggregateMinorMin));
        m.put(LARGE_AGGREGATE_WINDOW_MS, BigDecimal.valueOf(d.largeAggregateWindowMs));
        m.put(WIN_RATE_ROUNDS_MIN, BigDecimal.valueOf(d.winRateRoundsMin));
        m.put(WIN_RATE_Z_MEDIUM, BigDecimal.valueOf(d.winRateZMedium));
        m.put(WIN_RATE_Z_HIGH, BigDecimal.valueOf(d.winRateZHigh));
        m.put(WIN_RATE_ROUND_WIN_SD_MAX, BigDecimal.valueOf(d.winRateRoundWinSdMax));
        m.put(DEFAULT_RTP, BigDecimal.valueOf(d.defaultRtp));
        m.put(DEFAULT_VARIANCE_PER_UNIT, BigDecimal.valueOf(d.defaultVariancePerUnit));
        m.put(ANOMALY_SCORE_MIN, BigDecimal.valueOf(d.anomalyScoreMin));
        m.put(ANOMALY_PLAYERS_MIN, BigDecimal.valueOf(d.anomalyPlayersMin));
        return m;
    }

    /** The current thresholds (local reads of the replicated RISK_SETTING), a default where a row is missing. */
    public static DetectSettings read(RiskSettingStore store) {
        DetectSettings d = defaults();
        return new DetectSettings(
                store.longValue(LOW_WAGERING_WINDOW_MS, d.lowWageringWindowMs),
                store.doubleValue(LOW_WAGERING_SHARE_MIN, d.lowWageringShareMin),
                store.longValue(LOW_WAGERING_DEPOSITS_MINOR_MIN, d.lowWageringDepositsMinorMin),
                store.longValue(STRUCTURING_THRESHOLD_MINOR, d.structuringThresholdMinor),
                store.doubleValue(STRUCTURING_BELOW_SHARE_MAX, d.structuringBelowShareMax),
                store.longValue(STRUCTURING_DEPOSITS_MIN, d.structuringDepositsMin),
                store.longValue(STRUCTURING_WINDOW_MS, d.structuringWindowMs),
                store.longValue(LARGE_TRANSACTION_MINOR_MIN, d.largeTransactionMinorMin),
                store.longValue(LARGE_AGGREGATE_MINOR_MIN, d.largeAggregateMinorMin),
                store.longValue(LARGE_AGGREGATE_WINDOW_MS, d.largeAggregateWindowMs),
                store.longValue(WIN_RATE_ROUNDS_MIN, d.winRateRoundsMin),
                store.doubleValue(WIN_RATE_Z_MEDIUM, d.winRateZMedium),
                store.doubleValue(WIN_RATE_Z_HIGH, d.winRateZHigh),
                store.doubleValue(WIN_RATE_ROUND_WIN_SD_MAX, d.winRateRoundWinSdMax),
                store.doubleValue(DEFAULT_RTP, d.defaultRtp),
                store.doubleValue(DEFAULT_VARIANCE_PER_UNIT, d.defaultVariancePerUnit),
                store.doubleValue(ANOMALY_SCORE_MIN, d.anomalyScoreMin),
                store.longValue(ANOMALY_PLAYERS_MIN, d.anomalyPlayersMin));
    }

    /** How long the activity row keeps cashier events: the longest window any rule looks back. */
    public long cashierRetentionMs() {
        return Math.max(lowWageringWindowMs, Math.max(structuringWindowMs, largeAggregateWindowMs));
    }
}
