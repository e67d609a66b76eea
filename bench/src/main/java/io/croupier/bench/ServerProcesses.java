package io.croupier.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.ignite.Ignite;

/** Grid server nodes as separate operating-system processes, started from this JVM's classpath. */
public final class ServerProcesses implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final Path root;
    private final Path workDirectory;
    private final Thread killOnExit = new Thread(this::destroy, "bench-kill-servers");

    public ServerProcesses(Path root, Path workDirectory) {
        this.root = root;
        this.workDirectory = workDirectory;
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    public void start(int index, String heap, List<String> jvmOptions, Map<String, String> settings) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("@" + root.resolve("config/jvm.opts"));
        cmd.add("-Xms" + heap);
        cmd.add("-Xmx" + heap);
        cmd.add("-Djava.net.preferIPv4Stack=true");
        // Same collector as bin/croupier node: sub-millisecond pauses keep p99 flat (G1 paused 20 ms every few s).
        cmd.add("-XX:+UseZGC");
        jvmOptions.forEach(o -> cmd.add(o.replace("{index}", String.valueOf(index))));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.croupier.node.CroupierCli");
        cmd.add("node");
        cmd.add("--config");
        cmd.add(root.resolve("config/croupier-node.properties").toString());
        settings.forEach((k, v) -> {
            cmd.add("--set");
            cmd.add(k + "=" + v);
        });
        File log = workDirectory.resolve("node-" + index + ".log").toFile();
        processes.add(new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start());
    }

    private void destroy() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
    }

    /**
     * CPU time the node processes have used so far (user + system, summed), from the operating system; the
     * difference over a measured phase divided by its operations is the nodes' CPU cost per operation, a figure far
     * steadier on a shared host than throughput.
     */
    long cpuNanos() {
        long total = 0;
        for (Process p : processes) {
            total += p.info().totalCpuDuration().map(java.time.Duration::toNanos)
                    .orElseThrow(() -> new IllegalStateException("no CPU time for process " + p.pid()));
        }
        return total;
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // already exiting; the hook runs anyway
        }
    }

    /** Waits until {@code nodes} server nodes are in the topology {@code client} sees (two minutes at most). */
    public static void awaitServers(Ignite client, int nodes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (client.cluster().forServers().nodes().size() < nodes) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + client.cluster().forServers().nodes().size() + " of "
                        + nodes + " server nodes joined");
            }
            Thread.sleep(200);
        }
    }

    /** Removes a scratch directory and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
