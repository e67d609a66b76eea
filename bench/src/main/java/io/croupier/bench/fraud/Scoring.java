package io.croupier.bench.fraud;

import io.croupier.fraud.detect.AlertRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Detection quality from the ground truth and the alerts seen: per fraud kind, players counted once (a player with
 * three alerts of a kind's rules is one true positive), and the ANOMALY_SCORE rule apart, over fraudsters of every
 * kind. Pure: no clock, no I/O.
 *
 * <ul>
 *   <li>TP: players of the kind with at least one alert of the kind's rules; FN: players of the kind without.</li>
 *   <li>FP: any other player (ordinary or another kind) with an alert of the kind's rules, unless the rule's finding
 *       is correct on that other kind ({@link FraudKind#alsoCorrectOn}).</li>
 *   <li>precision = TP / (TP + FP) (undefined without alerts), recall = TP / (TP + FN).</li>
 *   <li>latency per TP player: its first alert of the kind's rules (by creation), CREATED_AT − EVENT_AT.</li>
 * </ul>
 */
final class Scoring {
    static final double RECALL_MIN = 0.95;
    static final double PRECISION_MIN = 0.90;
    static final long LATENCY_P99_MS_MAX = 1_000;
    private static final long LATENCY_MS_HIGHEST = 3_600_000;

    private Scoring() {
    }

    /**
     * @param players     every simulated player id (ordinary and fraudsters)
     * @param fraudsters  the fraudsters' ids and their kind; a player not in it is ordinary
     * @param alerts      the alerts seen, at most one per (player, alert id)
     */
    static Result score(Set<Long> players, Map<Long, FraudKind> fraudsters, Collection<Alert> alerts) {
        Map<FraudKind, Map<Long, Alert>> firstByKind = new EnumMap<>(FraudKind.class);
        Map<FraudKind, Set<Long>> flaggedOther = new EnumMap<>(FraudKind.class);
        Map<Long, Alert> anomaly = new HashMap<>();
        Map<String, Map<String, Integer>> matrix = new TreeMap<>();
        int unknownPlayers = 0;
        int unknownRules = 0;
        Map<String, Set<Long>> seenPerCell = new HashMap<>();
        for (Alert a : alerts) {
            if (!players.contains(a.playerId())) {
                unknownPlayers++;
                continue;
            }
            AlertRule rule = rule(a.rule());
            if (rule == null) {
                unknownRules++;
                continue;
            }
            FraudKind truth = fraudsters.get(a.playerId());
            String label = truth == null ? "ordinary" : truth.name();
            if (seenPerCell.computeIfAbsent(rule + "/" + label, k -> new HashSet<>()).add(a.playerId())) {
                matrix.computeIfAbsent(rule.name(), k -> new TreeMap<>()).merge(label, 1, Integer::sum);
            }
            if (rule == AlertRule.ANOMALY_SCORE) {
                anomaly.merge(a.playerId(), a, Scoring::earlier);
                continue;
            }
            FraudKind detects = FraudKind.detectedBy(rule);
            if (detects == truth) {
                firstByKind.computeIfAbsent(detects, k -> new HashMap<>()).merge(a.playerId(), a, Scoring::earlier);
            } else if (truth == null || !FraudKind.alsoCorrectOn(rule).contains(truth)) {
                flaggedOther.computeIfAbsent(detects, k -> new TreeSet<>()).add(a.playerId());
            }
        }
        List<KindRow> rows = new ArrayList<>();
        Map<String, Set<Long>> falsePositives = new TreeMap<>();
        for (FraudKind kind : FraudKind.values()) {
            int total = (int) fraudsters.values().stream().filter(k -> k == kind).count();
            Map<Long, Alert> caught = firstByKind.getOrDefault(kind, Map.of());
            Histogram latency = new Histogram(LATENCY_MS_HIGHEST, 3);
            caught.values().forEach(a -> latency.recordValue(Math.min(LATENCY_MS_HIGHEST, a.latencyMs())));
            Set<Long> wrong = flaggedOther.getOrDefault(kind, Set.of());
            int fp = wrong.size();
            if (!wrong.isEmpty()) {
                falsePositives.put(kind.name(), wrong);
            }
            rows.add(new KindRow(kind.name(), kind.label(), total, caught.size(), fp, total - caught.size(), latency));
        }
        Histogram anomalyLatency = new Histogram(LATENCY_MS_HIGHEST, 3);
        int anomalyTp = 0;
        Set<Long> anomalyWrong = new TreeSet<>();
        for (Alert a : anomaly.values()) {
            if (fraudsters.containsKey(a.playerId())) {
                anomalyTp++;
                anomalyLatency.recordValue(Math.min(LATENCY_MS_HIGHEST, a.latencyMs()));
            } else {
                anomalyWrong.add(a.playerId());
            }
        }
        if (!anomalyWrong.isEmpty()) {
            falsePositives.put(AlertRule.ANOMALY_SCORE.name(), anomalyWrong);
        }
        KindRow anomalyRow = new KindRow(AlertRule.ANOMALY_SCORE.name(), "any fraud kind (combined score)",
                fraudsters.size(), anomalyTp, anomaly.size() - anomalyTp, fraudsters.size() - anomalyTp,
                anomalyLatency);
        return new Result(rows, anomalyRow, matrix, falsePositives, unknownPlayers, unknownRules);
    }

    private static Alert earlier(Alert a, Alert b) {
        return b.createdAtMs() < a.createdAtMs() ? b : a;
    }

    private static AlertRule rule(String name) {
        try {
            return AlertRule.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /**
     * @param matrix        rule → true kind of the flagged players ("ordinary" or a kind's name) → players
     * @param falsePositives row name (a kind's, or ANOMALY_SCORE) → the players counted as its false positives
     * @param unknownPlayers alerts about players the simulator did not create (none expected on a fresh grid)
     * @param unknownRules   alerts whose rule this simulator does not know (a rule added after it)
     */
    record Result(List<KindRow> kinds, KindRow anomaly, Map<String, Map<String, Integer>> matrix,
                  Map<String, Set<Long>> falsePositives, int unknownPlayers, int unknownRules) {
    }

    /** One line of the table. Precision and recall are NaN where undefined (no alert, no player of the kind). */
    record KindRow(String name, String label, int players, int truePositives, int falsePositives,
                   int falseNegatives, Histogram latencyMs) {
        double precision() {
            int flagged = truePositives + falsePositives;
            return flagged == 0 ? Double.NaN : truePositives / (double) flagged;
        }

        double recall() {
            return players == 0 ? Double.NaN : truePositives / (double) players;
        }

        /** p50, p99, max of the detection latency in ms; -1 without any detection. */
        long latencyPercentileMs(double percentile) {
            return latencyMs.getTotalCount() == 0 ? -1 : latencyMs.getValueAtPercentile(percentile);
        }

        long latencyMaxMs() {
            return latencyMs.getTotalCount() == 0 ? -1 : latencyMs.getMaxValue();
        }

        boolean recallMet() {
            return recall() >= RECALL_MIN;
        }

        boolean precisionMet() {
            return precision() >= PRECISION_MIN;
        }

        boolean latencyMet() {
            return latencyMs.getTotalCount() > 0 && latencyPercentileMs(99) <= LATENCY_P99_MS_MAX;
        }

        boolean met() {
            return recallMet() && precisionMet() && latencyMet();
        }
    }
}
