package io.croupier.bench.edge;

import java.util.Map;

/** Reading figures from a Prometheus text scrape. */
final class PrometheusText {
    private PrometheusText() {
    }

    /**
     * The sum of every sample of {@code metric} whose labels include all of {@code labels} (e.g. area="heap" over
     * every heap pool); NaN when none matches.
     */
    static double sum(String scrape, String metric, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            String rest = line.substring(metric.length());
            String labelText = "";
            if (rest.startsWith("{")) {
                int end = rest.indexOf('}');
                if (end < 0) {
                    continue;
                }
                labelText = rest.substring(1, end);
                rest = rest.substring(end + 1);
            } else if (!rest.startsWith(" ")) {
                continue; // another metric with this one's name as prefix
            }
            String finalLabels = labelText;
            if (labels.entrySet().stream().allMatch(e -> hasLabel(finalLabels, e.getKey(), e.getValue()))) {
                String[] parts = rest.trim().split("\\s+");
                sum += Double.parseDouble(parts[0]);
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    private static boolean hasLabel(String labels, String name, String value) {
        String wanted = name + "=\"" + value + "\"";
        for (String part : labels.split(",")) {
            if (part.trim().equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
