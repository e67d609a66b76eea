package io.croupier.bench.edge;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The app server as a child process of the benchmark, on an embedded in-memory grid node with its own ports (so it
 * never meets a running {@code bin/croupier up} or cluster), started from the built app-server jar and libraries.
 * Stopped on {@link #close} and, failing that, when this JVM exits.
 */
public final class AppServerChild implements AutoCloseable {
    /**
     * The app server's collector, as {@code bin/croupier up} runs it: G1 with a 10 ms pause goal (ARCHITECTURE decision
     * 82; JDK 17's ZGC marks the whole live heap every cycle, and at the edge's allocation rate it ran every 2.4 s) on a
     * heap in transparent huge pages (decision 83).
     */
    public static final List<String> GC_OPTIONS = List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10",
            "-XX:+UseTransparentHugePages");

    /** A fixed heap of {@code heap} (e.g. "1536m") and {@link #GC_OPTIONS}: how the benchmarks run an app server. */
    public static List<String> jvmOptions(String heap) {
        List<String> options = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
        options.addAll(GC_OPTIONS);
        return options;
    }

    private final Process process;
    private final int port;
    private final Path log;
    private final List<String> jvmOptions;
    private final Thread killOnExit;

    private AppServerChild(Process process, int port, Path log, List<String> jvmOptions) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.jvmOptions = jvmOptions;
        this.killOnExit = new Thread(process::destroyForcibly, "bench-kill-app-server");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the app server. {@code nodeSettings} are grid node keys (croupier.discovery.port ...), passed as system
     * properties; {@code appSettings} are croupier.app.* keys, passed as arguments.
     */
    static AppServerChild start(Path root, Path workDirectory, List<String> jvmOptions, Map<String, String> nodeSettings,
                                Map<String, String> appSettings) throws IOException {
        return start(root, workDirectory, jvmOptions, nodeSettings, appSettings, true);
    }

    /**
     * Starts the app server on an embedded node ({@code embedded}) or as a client node of the cluster that
     * {@code nodeSettings} describe (discovery addresses and ports of server nodes started beforehand).
     */
    public static AppServerChild start(Path root, Path workDirectory, List<String> jvmOptions,
                                       Map<String, String> nodeSettings, Map<String, String> appSettings,
                                       boolean embedded) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(root.resolve("app-server/target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("app-server-.*\\.jar")
                            && !p.getFileName().toString().contains("-sources"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "app-server/target/app-server-*.jar missing: build it (./mvnw -pl app-server -am package)"));
        }
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("@" + root.resolve("config/jvm.opts"));
        cmd.addAll(jvmOptions);
        cmd.add("-Djava.net.preferIPv4Stack=true");
        nodeSettings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(jar + File.pathSeparator + root.resolve("app-server/target/lib") + File.separator + "*");
        cmd.add("io.croupier.app.CroupierApp");
        cmd.add("--croupier.app.http.host=127.0.0.1");
        cmd.add("--croupier.app.http.port=" + port);
        if (embedded) {
            cmd.add("--croupier.app.grid.mode=embedded");
            cmd.add("--croupier.app.grid.embedded-work-directory=" + workDirectory.resolve("grid"));
        } else {
            cmd.add("--croupier.app.grid.mode=client");
        }
        appSettings.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        Files.createDirectories(workDirectory);
        Path log = workDirectory.resolve("app-server.log");
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new AppServerChild(p, port, log, jvmOptions);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the app server's process has used so far, where the operating system reports it. */
    Optional<Duration> cpu() {
        return process.toHandle().info().totalCpuDuration();
    }

    public Path log() {
        return log;
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }

    public URI uri(String scheme, String path) {
        return URI.create(scheme + "://127.0.0.1:" + port + path);
    }

    /** Polls /api/status until it answers 200; fails if the process exits or the time runs out. */
    public void awaitReady(HttpClient http, long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        HttpRequest status = HttpRequest.newBuilder(uri("http", "/api/status")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the app server was not ready within " + timeoutMs + " ms; see " + log);
    }

    /** Fails, pointing at the log, when the app server has exited (e.g. halted by its grid node). */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the app server exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** The Prometheus scrape. */
    String metrics(HttpClient http) throws Exception {
        return metrics(http, Duration.ofSeconds(30));
    }

    String metrics(HttpClient http, Duration timeout) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(uri("http", "/metrics")).timeout(timeout).build();
        HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + r.statusCode());
        }
        return r.body();
    }

    /** A full collection in the child ({@code jcmd PID GC.run}, i.e. System.gc()), then a short settle. */
    void collectGarbage() throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", String.valueOf(pid()),
                "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("jcmd " + pid() + " GC.run failed");
        }
        Thread.sleep(2_000);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // already exiting; the hook runs anyway
        }
    }
}
