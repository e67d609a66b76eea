package io.croupier.bench.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies by name (a request type, or an event's push lag), in µs, and error counts by request type and code.
 * Safe to record from many threads. The table it prints is a pure function of a snapshot ({@link #rows}).
 */
public final class Latencies {
    /** Ten minutes: a request slower than that is recorded as this. */
    public static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Map<String, ConcurrentHistogram> histograms = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> frames = new ConcurrentHashMap<>();

    public void record(String name, long micros) {
        histograms.computeIfAbsent(name, n -> new ConcurrentHistogram(HIGHEST_MICROS, 3))
                .recordValue(Math.max(0, Math.min(micros, HIGHEST_MICROS)));
    }

    /** One pushed frame received (a frame may carry several events, e.g. {@code bets.placed}). */
    public void frame(String event) {
        frames.computeIfAbsent(event, k -> new LongAdder()).increment();
    }

    public Map<String, Long> frames() {
        Map<String, Long> out = new java.util.TreeMap<>();
        frames.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public void error(String type, String code) {
        errors.computeIfAbsent(type + " " + code, k -> new LongAdder()).increment();
    }

    Histogram histogram(String name) {
        ConcurrentHistogram h = histograms.get(name);
        return h == null ? new Histogram(HIGHEST_MICROS, 3) : h.copy();
    }

    /** Error counts, "type CODE" → count, sorted. */
    public Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    long errorCount(String type) {
        return errors.entrySet().stream().filter(e -> e.getKey().startsWith(type + " "))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** One line of a latency table: count, rate over the window, percentiles in ms. */
    public record Row(String name, long count, double perSecond, long errors, double p50Ms, double p90Ms, double p99Ms,
               double p999Ms, double maxMs) {
        static Row of(String name, Histogram h, double seconds, long errors) {
            return new Row(name, h.getTotalCount(), seconds > 0 ? h.getTotalCount() / seconds : 0, errors,
                    ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                    ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }

    /** A row per name whose name passes the filter, sorted by name; rates over {@code seconds}. */
    public List<Row> rows(double seconds, java.util.function.Predicate<String> names) {
        List<Row> rows = new ArrayList<>();
        new TreeMap<>(histograms).forEach((name, h) -> {
            if (names.test(name)) {
                rows.add(Row.of(name, h.copy(), seconds, errorCount(name)));
            }
        });
        return rows;
    }

    /** The table: a header, then one aligned line per row. Counts are successful replies; errors are apart. */
    public static String table(String firstColumn, List<Row> rows) {
        int width = Math.max(firstColumn.length(), rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + width + "s %10s %10s %8s %9s %9s %9s %9s %9s%n", firstColumn,
                "count", "per s", "errors", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s %,10d %,10.0f %,8d %9.2f %9.2f %9.2f %9.2f %9.2f%n",
                    r.name(), r.count(), r.perSecond(), r.errors(), r.p50Ms(), r.p90Ms(), r.p99Ms(), r.p999Ms(),
                    r.maxMs()));
        }
        return out.toString();
    }
}
