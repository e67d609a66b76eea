package io.croupier.bench.fraud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The simulator's summary as a Markdown table (readable as text), so it can go into docs/BENCHMARKS.md as printed. */
final class DetectionTable {
    private DetectionTable() {
    }

    static String markdown(Scoring.Result result) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "| kind | players | TP | FP | FN | precision (≥ %.0f %%) | recall (≥ %.0f %%) "
                        + "| latency p50 / p99 / max ms (p99 ≤ %,d) | status |%n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---|%n",
                Scoring.PRECISION_MIN * 100, Scoring.RECALL_MIN * 100, Scoring.LATENCY_P99_MS_MAX));
        for (Scoring.KindRow row : result.kinds()) {
            out.append(line(row, status(row)));
        }
        out.append(line(result.anomaly(), "— (no target)"));
        return out.toString();
    }

    /** Which rules flagged which players: rule → "kind: players" (the confusion behind the table). */
    static String matrix(Scoring.Result result) {
        StringBuilder out = new StringBuilder();
        if (result.matrix().isEmpty()) {
            out.append("   no alert on any simulated player\n");
        }
        for (Map.Entry<String, Map<String, Integer>> e : result.matrix().entrySet()) {
            List<String> cells = new ArrayList<>();
            e.getValue().forEach((kind, players) -> cells.add(kind + " " + players));
            out.append(String.format(Locale.ROOT, "   %-22s players flagged, by true kind: %s%n", e.getKey(),
                    String.join(", ", cells)));
        }
        if (result.unknownPlayers() > 0 || result.unknownRules() > 0) {
            out.append(String.format(Locale.ROOT, "   alerts about players not simulated: %d; with an unknown rule: %d%n",
                    result.unknownPlayers(), result.unknownRules()));
        }
        return out.toString();
    }

    static String status(Scoring.KindRow row) {
        if (row.met()) {
            return "**MET**";
        }
        List<String> missed = new ArrayList<>();
        if (!row.precisionMet()) {
            missed.add("precision");
        }
        if (!row.recallMet()) {
            missed.add("recall");
        }
        if (!row.latencyMet()) {
            missed.add("latency");
        }
        return "**NOT MET** (" + String.join(", ", missed) + ")";
    }

    private static String line(Scoring.KindRow row, String status) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s | %s | %s |%n", row.label(),
                row.players(), row.truePositives(), row.falsePositives(), row.falseNegatives(),
                percent(row.precision()), percent(row.recall()), latency(row), status);
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    private static String latency(Scoring.KindRow row) {
        if (row.latencyMs().getTotalCount() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,d / %,d / %,d", row.latencyPercentileMs(50), row.latencyPercentileMs(99),
                row.latencyMaxMs());
    }
}
