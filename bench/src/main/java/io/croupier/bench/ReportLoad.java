package io.croupier.bench;

import io.croupier.node.SqlReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Analysts' reports of sql/reports run over the thin JDBC driver, the way an analyst's tool or a dashboard would,
 * while the benchmark plays: one report starts every {@code everyMs}, the reports of the list in turn. Never two at
 * once: a report that takes longer than {@code everyMs} delays the next, which then starts at once.
 */
record ReportLoad(List<SqlReport> reports, long everyMs) {

    static ReportLoad of(Path sqlDirectory, List<String> names, long everyMs) {
        return new ReportLoad(names.stream()
                .map(n -> SqlReport.load(sqlDirectory.resolve("reports").resolve(n + ".sql"), n)).toList(), everyMs);
    }

    Running start(String url) throws SQLException {
        return new Running(url);
    }

    /** The reports running in the background until closed; counts runs, rows and time spent. */
    final class Running implements AutoCloseable {
        private final Connection jdbc;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-reports");
            t.setDaemon(true);
            return t;
        });
        private final AtomicLong runs = new AtomicLong();
        private final AtomicLong rows = new AtomicLong();
        private final AtomicLong nanos = new AtomicLong();
        private final AtomicLong slowestNanos = new AtomicLong();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        /** Per report: runs and total nanoseconds, so the expensive one shows. */
        private final Map<String, long[]> byReport = new java.util.concurrent.ConcurrentHashMap<>();

        private Running(String url) throws SQLException {
            this.jdbc = DriverManager.getConnection(url);
            timer.scheduleAtFixedRate(this::runNext, 0, everyMs, TimeUnit.MILLISECONDS);
        }

        private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        private void runNext() {
            if (failure.get() != null) {
                return;
            }
            SqlReport report = reports.get(next.getAndIncrement() % reports.size());
            long start = System.nanoTime();
            try (PreparedStatement statement = jdbc.prepareStatement(report.sql())) {
                report.bind(statement, Map.of());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.incrementAndGet();
                    }
                }
            } catch (Exception e) {
                failure.compareAndSet(null, e);
                return;
            }
            long took = System.nanoTime() - start;
            byReport.merge(report.name(), new long[] {1, took}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            runs.incrementAndGet();
            nanos.addAndGet(took);
            slowestNanos.accumulateAndGet(took, Math::max);
        }

        String describe() {
            if (failure.get() != null) {
                return "REPORT FAILED: " + failure.get();
            }
            StringBuilder each = new StringBuilder();
            byReport.forEach((name, v) -> each.append(each.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.0f", name, v[1] / 1e6 / v[0])));
            return String.format(Locale.ROOT, "%d report runs, mean %.0f ms, slowest %.0f ms (mean ms: %s)", runs.get(),
                    runs.get() == 0 ? 0.0 : nanos.get() / 1e6 / runs.get(), slowestNanos.get() / 1e6, each);
        }

        @Override
        public void close() throws Exception {
            timer.shutdown();
            if (!timer.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("a report is still running five minutes after the phase");
            }
            jdbc.close();
        }
    }
}
