package io.croupier.fraud.detect;

import io.croupier.check.Check;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The population statistics the anomaly score standardises against: per feature, the mean and standard deviation
 * over all players with activity, from a colocated map-reduce ({@link AnomalyTraining}). Value of the replicated
 * RISK_MODEL cache (key {@value #KEY}), so every node scores locally.
 *
 * <p>The score is the sum over features of the one-sided standardised deviation, each capped at
 * {@value #CONTRIBUTION_MAX}: only the suspicious direction counts, and no single feature can outweigh the rest
 * by more than the cap. It explains itself: {@link Score#evidence()} names the top contributors.
 */
public final class AnomalyModel implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String KEY = "anomaly";
    static final double CONTRIBUTION_MAX = 10;

    private final String[] features;
    private final double[] means;
    private final double[] deviations;
    private final long players;
    private final Timestamp trainedAt;

    AnomalyModel(String[] features, double[] means, double[] deviations, long players, Timestamp trainedAt) {
        Check.argument(features.length == means.length && means.length == deviations.length, "one figure per feature");
        this.features = features;
        this.means = means;
        this.deviations = deviations;
        this.players = players;
        this.trainedAt = trainedAt;
    }

    /** The model from the merged sums {@code [n, Σx_0, Σx_0², Σx_1, Σx_1², ...]} of the map step. */
    static AnomalyModel fromSums(double[] sums, long nowMs) {
        int k = AnomalyFeatures.NAMES.length;
        Check.argument(sums.length == 1 + 2 * k, "sums of " + k + " features expected");
        double n = sums[0];
        double[] mean = new double[k];
        double[] deviation = new double[k];
        for (int i = 0; i < k; i++) {
            mean[i] = n == 0 ? 0 : sums[1 + 2 * i] / n;
            double variance = n == 0 ? 0 : Math.max(0, sums[2 + 2 * i] / n - mean[i] * mean[i]);
            deviation[i] = Math.sqrt(variance);
        }
        return new AnomalyModel(AnomalyFeatures.NAMES.clone(), mean, deviation, (long) n, new Timestamp(nowMs));
    }

    /** One feature's part in a score. */
    public record Contribution(String feature, double value, double contribution) {
    }

    /** A player's score and its parts, largest first. */
    public record Score(double total, List<Contribution> parts) {
        /** The top three contributors with their values, for the alert's evidence. */
        public String evidence() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < Math.min(3, parts.size()); i++) {
                Contribution c = parts.get(i);
                if (c.contribution() <= 0) {
                    break;
                }
                s.append(s.length() == 0 ? "" : ", ").append(c.feature()).append('=')
                        .append(String.format(java.util.Locale.ROOT, "%.3g", c.value())).append(" (+")
                        .append(String.format(java.util.Locale.ROOT, "%.1f", c.contribution())).append(')');
            }
            return s.toString();
        }
    }

    public Score score(double[] x) {
        Check.argument(x.length == means.length, "one value per feature");
        double total = 0;
        List<Contribution> parts = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            double spread = Math.max(deviations[i], AnomalyFeatures.SPREAD_FLOOR[i]);
            double c = Math.min(CONTRIBUTION_MAX, Math.max(0, (x[i] - means[i]) / spread));
            total += c;
            parts.add(new Contribution(features[i], x[i], c));
        }
        parts.sort(Comparator.comparingDouble(Contribution::contribution).reversed());
        return new Score(total, parts);
    }

    public long players() {
        return players;
    }

    public Timestamp trainedAt() {
        return trainedAt;
    }

    public double mean(int feature) {
        return means[feature];
    }

    public double deviation(int feature) {
        return deviations[feature];
    }
}
