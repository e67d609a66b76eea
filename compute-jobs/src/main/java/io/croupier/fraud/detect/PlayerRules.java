package io.croupier.fraud.detect;

import io.croupier.wallet.OperationKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The near-real-time rules about one player's own money, each a small named function, all in one list. They run
 * on the detector's thread after the money committed, on the player's primary node, and decide from the facts alone
 * (no reads, no clock): the detector gathers the facts, raises what they find.
 */
public final class PlayerRules {
    private static final long DAY_MS = 86_400_000L;
    private static final List<PlayerRule> ALL = List.of(
            PlayerRules::amlLowWagering,
            PlayerRules::amlStructuring,
            PlayerRules::amlLargeTransaction,
            PlayerRules::amlLargeAggregate,
            PlayerRules::winRateAnomaly,
            PlayerRules::anomalyScore);

    private PlayerRules() {
    }

    public static List<PlayerRule> all() {
        return ALL;
    }

    /** Every finding of every rule about these facts. */
    public static List<Finding> findings(PlayerFacts facts) {
        List<Finding> found = new ArrayList<>(2);
        for (PlayerRule rule : ALL) {
            Finding f = rule.check(facts);
            if (f != null) {
                found.add(f);
            }
        }
        return found;
    }

    /**
     * Money deposited and taken out again with little play in between is the classic placement-and-withdrawal of
     * laundering: at a withdrawal, deposits in the window of at least depositsMinorMin, and wagering since the first
     * of them below wageringShareMin of them → MEDIUM (holds the next withdrawal; this one is already paid).
     */
    static Finding amlLowWagering(PlayerFacts f) {
        if (f.event().kind() != OperationKind.WITHDRAW) {
            return null;
        }
        DetectSettings s = f.settings();
        long from = f.atMs() - s.lowWageringWindowMs();
        long deposits = f.activity().depositsMinor(from, f.atMs());
        if (deposits < s.lowWageringDepositsMinorMin() || deposits == 0) {
            return null;
        }
        long wagered = f.activity().wageredSinceFirstDepositMinor(from, f.atMs());
        double share = (double) wagered / deposits;
        if (share >= s.lowWageringShareMin()) {
            return null;
        }
        return new Finding(f.playerId(), AlertRule.AML_LOW_WAGERING, day(f.atMs()), Severity.MEDIUM, 1 - share,
                String.format(Locale.ROOT, "withdrawal %d after deposits %d in %s with wagering %d (%.1f %% < %.1f %%)",
                        f.event().amountMinor(), deposits, duration(s.lowWageringWindowMs()), wagered, 100 * share,
                        100 * s.lowWageringShareMin()), f.atMs());
    }

    /**
     * Deposits kept just under the reporting threshold, several within a day, avoid the report a single large one
     * would trigger: depositsMin deposits within belowShareMax below the threshold in the window → MEDIUM.
     */
    static Finding amlStructuring(PlayerFacts f) {
        if (f.event().kind() != OperationKind.DEPOSIT) {
            return null;
        }
        DetectSettings s = f.settings();
        long threshold = s.structuringThresholdMinor();
        long floor = (long) Math.ceil(threshold * (1 - s.structuringBelowShareMax()));
        if (f.event().amountMinor() < floor || f.event().amountMinor() >= threshold) {
            return null;
        }
        int near = f.activity().depositsBetween(f.atMs() - s.structuringWindowMs(), f.atMs(), floor, threshold);
        if (near < s.structuringDepositsMin()) {
            return null;
        }
        return new Finding(f.playerId(), AlertRule.AML_STRUCTURING, day(f.atMs()), Severity.MEDIUM, near,
                String.format(Locale.ROOT, "%d deposits in [%d, %d) within %s (at least %d)", near, floor, threshold,
                        duration(s.structuringWindowMs()), s.structuringDepositsMin()), f.atMs());
    }

    /** A single deposit or withdrawal at or above the threshold is a significant transaction to report → LOW. */
    static Finding amlLargeTransaction(PlayerFacts f) {
        if (!f.event().isCashier() || f.event().amountMinor() < f.settings().largeTransactionMinorMin()) {
            return null;
        }
        return new Finding(f.playerId(), AlertRule.AML_LARGE_TRANSACTION, "transfer:" + f.event().idempotencyKey(),
                Severity.LOW, f.event().amountMinor(), f.event().kind() + " " + f.event().amountMinor() + " >= "
                + f.settings().largeTransactionMinorMin(), f.atMs());
    }

    /**
     * Smaller deposits and withdrawals that add up to the threshold within the window are reported like one large
     * one → LOW (two or more of them: a single one is the large-transaction rule's).
     */
    static Finding amlLargeAggregate(PlayerFacts f) {
        if (!f.event().isCashier()) {
            return null;
        }
        DetectSettings s = f.settings();
        long[] volume = f.activity().cashierVolumeMinorAndCount(f.atMs() - s.largeAggregateWindowMs(), f.atMs());
        if (volume[1] < 2 || volume[0] < s.largeAggregateMinorMin()) {
            return null;
        }
        return new Finding(f.playerId(), AlertRule.AML_LARGE_AGGREGATE, day(f.atMs()), Severity.LOW, volume[0],
                String.format(Locale.ROOT, "%d deposits and withdrawals totalling %d within %s (>= %d)", volume[1],
                        volume[0], duration(s.largeAggregateWindowMs()), s.largeAggregateMinorMin()), f.atMs());
    }

    /**
     * A player who wins far more than the games return in theory (a cheat, a bug, a leaked seed):
     * z = (Σwin − Σ RTP·stake) / sqrt(Σ stake²·variance) over their judged rounds, from roundsMin rounds on;
     * z ≥ zMedium → MEDIUM, z ≥ zHigh → HIGH.
     */
    static Finding winRateAnomaly(PlayerFacts f) {
        // Rounds, and wins paid apart from their stake (a roulette round's payout): when the player's z can rise.
        if (!f.event().isRound() && f.event().kind() != OperationKind.WIN) {
            return null;
        }
        DetectSettings s = f.settings();
        PlayerActivity a = f.activity();
        if (a.rounds() < s.winRateRoundsMin()) {
            return null;
        }
        double z = a.winRateZ();
        if (z < s.winRateZMedium()) {
            return null;
        }
        Severity severity = z >= s.winRateZHigh() ? Severity.HIGH : Severity.MEDIUM;
        return new Finding(f.playerId(), AlertRule.WIN_RATE_ANOMALY, "rounds", severity, z,
                String.format(Locale.ROOT, "z=%.2f over %d rounds: won %d on stakes %d, expected %.0f", z,
                        a.rounds(), a.roundWinMinor(), a.roundStakeMinor(), a.expectedWinMinor()), f.atMs());
    }

    /** The player's features together far from the population's (the model) → LOW, naming the top contributors. */
    static Finding anomalyScore(PlayerFacts f) {
        AnomalyModel model = f.model();
        DetectSettings s = f.settings();
        if (model == null || model.players() < s.anomalyPlayersMin()) {
            return null;
        }
        AnomalyModel.Score score = model.score(AnomalyFeatures.of(f.activity(), f.atMs(), s, f.linkedAlerts()));
        if (score.total() < s.anomalyScoreMin()) {
            return null;
        }
        return new Finding(f.playerId(), AlertRule.ANOMALY_SCORE, "score", Severity.LOW, score.total(),
                String.format(Locale.ROOT, "score %.1f >= %.1f: %s", score.total(), s.anomalyScoreMin(),
                        score.evidence()), f.atMs());
    }

    /** {@code day:2026-11-29} (UTC): repeats of a windowed finding on one day update one alert. */
    static String day(long atMs) {
        return "day:" + LocalDate.ofEpochDay(Math.floorDiv(atMs, DAY_MS));
    }

    private static String duration(long ms) {
        return ms % DAY_MS == 0 ? ms / DAY_MS + " d" : ms % 3_600_000 == 0 ? ms / 3_600_000 + " h" : ms + " ms";
    }
}
