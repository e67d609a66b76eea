package io.croupier.bench.edge;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * What a measured window cost: CPU of the app server and of this process (the load generator), and the app server's
 * GC pauses. CPU per operation moves much less than operations/s when the host's speed drifts between runs, and the
 * pauses explain a latency tail. Two snapshots, taken on a thread of their own at the window's start and end.
 */
final class WindowUsage {
    private static final String GC_PAUSE = "jvm_gc_pause_seconds";

    /** Differences between the two snapshots; NaN where a figure could not be read (e.g. /metrics failed). */
    record Usage(double seconds, double serverCpuSeconds, double clientCpuSeconds, double gcPauses,
                 double gcPauseSeconds) {
        /** "app server 283 µs, load generator 71 µs of CPU per spin (1.41 + 0.36 cores)". */
        String cpuPer(String op, long operations) {
            if (operations <= 0) {
                return "no " + op + " in the window";
            }
            return String.format(Locale.ROOT, "app server %.0f µs, load generator %.0f µs of CPU per %s "
                            + "(%.2f + %.2f cores)", serverCpuSeconds * 1e6 / operations,
                    clientCpuSeconds * 1e6 / operations, op, serverCpuSeconds / seconds, clientCpuSeconds / seconds);
        }

        /** "42 pauses, 371 ms in all (mean 8.8 ms, 1.2 % of the window)". */
        String pauses() {
            if (Double.isNaN(gcPauses)) {
                return "not read";
            }
            return String.format(Locale.ROOT, "%.0f pauses, %.0f ms in all (mean %.1f ms, %.1f %% of the window)",
                    gcPauses, gcPauseSeconds * 1e3, gcPauses == 0 ? 0 : gcPauseSeconds * 1e3 / gcPauses,
                    gcPauseSeconds * 100 / seconds);
        }
    }

    private record Snapshot(long nanos, double serverCpuSeconds, double clientCpuSeconds, double gcPauses,
                            double gcPauseSeconds) {
        Usage minus(Snapshot start) {
            return new Usage((nanos - start.nanos) / 1e9, serverCpuSeconds - start.serverCpuSeconds,
                    clientCpuSeconds - start.clientCpuSeconds, gcPauses - start.gcPauses,
                    gcPauseSeconds - start.gcPauseSeconds);
        }
    }

    private WindowUsage() {
    }

    /** Snapshots at {@code fromNanos} and {@code toNanos} ({@link System#nanoTime()}); completes after the second. */
    static CompletableFuture<Usage> measure(AppServerChild server, HttpClient http, long fromNanos, long toNanos) {
        CompletableFuture<Usage> usage = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Snapshot start = snapshotAt(server, http, fromNanos);
                usage.complete(snapshotAt(server, http, toNanos).minus(start));
            } catch (RuntimeException e) {
                usage.completeExceptionally(e);
            }
        }, "bench-window-usage");
        t.setDaemon(true);
        t.start();
        return usage;
    }

    private static Snapshot snapshotAt(AppServerChild server, HttpClient http, long atNanos) {
        long wait;
        while ((wait = atNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        long now = System.nanoTime();
        double serverCpu = server.cpu().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        double clientCpu = clientCpuSeconds();
        double pauses = Double.NaN;
        double pauseSeconds = Double.NaN;
        try {
            String scrape = server.metrics(http, Duration.ofSeconds(5));
            pauses = PrometheusText.sum(scrape, GC_PAUSE + "_count", Map.of());
            pauseSeconds = PrometheusText.sum(scrape, GC_PAUSE + "_sum", Map.of());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The pauses stay NaN: printed as "not read".
        }
        return new Snapshot(now, serverCpu, clientCpu, pauses, pauseSeconds);
    }

    private static double clientCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
