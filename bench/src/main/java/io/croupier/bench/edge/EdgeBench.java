package io.croupier.bench.edge;

import io.croupier.bench.ServerProcesses;
import io.croupier.bench.edge.FigureTable.Figure;
import io.croupier.bench.edge.WindowUsage.Usage;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The players' edge, measured from a separate process with the load generator's client: starts an app server (a
 * child JVM on an embedded in-memory grid node), then 1. echo: K connections ping-pong a spin-sized frame on the echo
 * endpoint (same listener and container, no work: the baseline); 2. spins: K players spin closed-loop; 3. their ratio;
 * 4. open loop: spins sent at a fixed rate, latency from each spin's intended start (coordinated omission counted);
 * 5. idle: 10,000 authenticated idle connections and the app server's heap after a full GC.
 */
@Command(name = "edge", mixinStandardHelpOptions = true,
        description = "The players' WebSocket edge: echo baseline vs spins, open-loop p99, heap of idle connections. "
                + "Starts its own app server.")
public final class EdgeBench implements Callable<Integer> {
    private static final String GAME = "classic-fruits";
    private static final long STAKE = 10;
    private static final long DEPOSIT = 1_000_000_000L;
    private static final double RATIO_TARGET = 0.5;
    private static final double OPEN_LOOP_P99_TARGET_MS = 10;
    private static final double OPEN_LOOP_RATE_TARGET = 5000;
    private static final int IDLE_CONNECTIONS_TARGET = 10_000;
    private static final double HEAP_TARGET_BYTES = 1.5 * (1L << 30);
    /** Kept clear of the node defaults (47500/47100/10800) and of the other benchmarks (476xx-479xx, 109xx). */
    private static final int DISCOVERY_PORT = 48350;
    private static final int COMMUNICATION_PORT = 48450;
    private static final int CLIENT_PORT = 10970;
    /** A slot.spin reply's size and shape: what the echo phase sends back and forth. */
    static final String SPIN_SIZED_FRAME = "{\"type\":\"slot.spin\",\"id\":\"1234\",\"ok\":true,\"roundId\":"
            + "\"5f0e7c2a-8d3b-4e61-9a57-2c4b1d8e9f03\",\"game\":\"classic-fruits\",\"stake\":10,\"win\":0,"
            + "\"balance\":999999990,\"currency\":\"EUR\",\"nonce\":42,\"serverSeedHash\":"
            + "\"9b74c9897bac770ffc029102a200c5de8f2b1e5c6d7a8b9c0d1e2f3a4b5c6d7e\",\"clientSeed\":\"c0ffee\","
            + "\"replayed\":false,\"stops\":[3,17,8,22,5],\"symbols\":[[\"CHERRY\",\"LEMON\",\"BAR\",\"SEVEN\","
            + "\"PLUM\"],[\"BELL\",\"CHERRY\",\"LEMON\",\"BAR\",\"WILD\"],[\"PLUM\",\"BELL\",\"CHERRY\",\"LEMON\","
            + "\"BAR\"]]}";

    @Option(names = "--connections", defaultValue = "64",
            description = "K: connections of the closed-loop echo and spin phases (one request in flight each).")
    int connections;

    @Option(names = "--seconds", defaultValue = "30", description = "D: measured seconds of each phase.")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "15",
            description = "Unmeasured seconds before each phase's measurement (same load; the JIT compiles).")
    int warmupSeconds;

    @Option(names = "--rate", split = ",", defaultValue = "5000",
            description = "Open-loop rates in spins/s, run in order (e.g. 5000,3000,2000); the target is judged at "
                    + "5000 (or the first rate).")
    List<Integer> rates;

    @Option(names = "--open-loop-connections", defaultValue = "256",
            description = "Connections (distinct players) the open-loop spins go out on; a spin waits for a free one.")
    int openLoopConnections;

    @Option(names = "--idle-connections", defaultValue = "10000", description = "Authenticated idle connections.")
    int idleConnections;

    @Option(names = "--idle-players", defaultValue = "300",
            description = "Players whose tokens the idle connections share (auth); registering is slow on purpose.")
    int idlePlayers;

    @Option(names = "--server-heap", defaultValue = "1536m", description = "-Xmx of the app server (the heap target).")
    String serverHeap;

    @Option(names = "--server-jvm-option", description = "Extra JVM option of the app server (repeatable).")
    List<String> serverJvmOptions = new ArrayList<>();

    @Option(names = "--node-memory-mb", defaultValue = "3072",
            description = "Off-heap memory of the app server's embedded grid node, in MiB (not part of the heap).")
    int nodeMemoryMb;

    @Option(names = "--client-threads", defaultValue = "2", description = "Threads of the WebSocket client's executor.")
    int clientThreads;

    @Option(names = "--request-timeout-ms", defaultValue = "10000", description = "A request unanswered this long is an error.")
    long requestTimeoutMs;

    @Option(names = "--root", defaultValue = ".", description = "Project root (app-server/target, config/).")
    Path root;

    @Option(names = "--workdir", defaultValue = "var/bench",
            description = "Scratch directory; the app server works in its edge/, emptied before and after.")
    Path workdir;

    private HttpClient http;
    private final List<Figure> figures = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (connections < 1 || seconds < 1 || warmupSeconds < 0 || openLoopConnections < 1 || idleConnections < 0
                || idlePlayers < 1 || rates.isEmpty() || rates.stream().anyMatch(r -> r < 1)) {
            throw new IllegalArgumentException("--connections, --seconds, --open-loop-connections, --idle-players, "
                    + "--rate >= 1; --warmup-seconds, --idle-connections >= 0");
        }
        root = root.toAbsolutePath().normalize();
        Path dir = root.resolve(workdir).normalize().resolve("edge");
        ServerProcesses.deleteTree(dir);
        ExecutorService executor = Clients.executor(clientThreads);
        http = Clients.http(executor);
        List<String> jvm = AppServerChild.jvmOptions(serverHeap);
        jvm.addAll(serverJvmOptions);
        String machine = String.format(Locale.ROOT, "%d cores, %s %s; app server: %s; load generator: this JVM "
                        + "(-Xmx%d m), %d client threads", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), String.join(" ", jvm),
                Runtime.getRuntime().maxMemory() >> 20, clientThreads);
        String loadBefore = loadAverage();
        System.out.println("Machine: " + machine + "; load average " + loadBefore);
        try (AppServerChild server = AppServerChild.start(root, dir, jvm, nodeSettings(), appSettings())) {
            long t0 = System.nanoTime();
            server.awaitReady(http, 180_000);
            System.out.printf(Locale.ROOT, "App server up on port %d in %.1f s (pid %d, log %s)%n", server.port(),
                    (System.nanoTime() - t0) / 1e9, server.pid(), server.log());
            run(server);
            System.out.println(pauses(server.log()));
        } finally {
            executor.shutdownNow();
        }
        ServerProcesses.deleteTree(dir);
        System.out.printf(Locale.ROOT, "%nPlayers' edge, one run (machine: %s; load average before %s, after %s)%n%n",
                machine, loadBefore, loadAverage());
        System.out.print(FigureTable.markdown(figures));
        return 0;
    }

    private void run(AppServerChild server) throws Exception {
        URI echo = server.uri("ws", "/echo");
        URI ws = server.uri("ws", "/ws");

        // 1. echo baseline
        List<PlayerSocket> echoSockets = openAll(echo, true, connections);
        ClosedLoop echoLoop = closedLoop(server, "echo", "round trip", echoSockets, s -> s.echo(SPIN_SIZED_FRAME));
        Histogram echoLatency = echoLoop.latency();
        echoSockets.forEach(PlayerSocket::close);
        double echoRate = echoLatency.getTotalCount() / (double) seconds;
        figures.add(Figure.info("echo: round trips/s, " + connections + " connections closed loop (baseline)",
                FigureTable.count(echoRate)));
        figures.add(Figure.info("echo: p50 / p99 / p99.9 ms", percentiles(echoLatency)));
        figures.add(Figure.info("echo: CPU", echoLoop.cpu()));

        // 2. spins, closed loop
        int players = Math.max(connections, openLoopConnections);
        Latencies onboarding = new Latencies();
        long t0 = System.nanoTime();
        List<PlayerSocket> playerSockets = openAll(ws, false, players);
        List<String> tokens = onboard(playerSockets, onboarding);
        System.out.printf(Locale.ROOT, "%nRegistered and funded %d players in %.1f s%n", players,
                (System.nanoTime() - t0) / 1e9);
        System.out.print(Latencies.table("request", onboarding.rows((System.nanoTime() - t0) / 1e9, n -> true)));
        AtomicLong keys = new AtomicLong();
        Latencies spinErrors = new Latencies();
        ClosedLoop spinLoop = closedLoop(server, "spin", "spin", playerSockets.subList(0, connections),
                s -> Clients.timedCall(s, "slot.spin", Requests.spin(GAME, STAKE, "spin-" + keys.incrementAndGet()),
                        spinErrors, requestTimeoutMs));
        Histogram spinLatency = spinLoop.latency();
        double spinRate = spinLatency.getTotalCount() / (double) seconds;
        figures.add(Figure.info("spins/s, " + connections + " players closed loop", FigureTable.count(spinRate)));
        figures.add(Figure.info("spin: p50 / p99 / p99.9 ms (request sent → reply)", percentiles(spinLatency)));
        figures.add(Figure.info("spin closed loop: CPU", spinLoop.cpu()));
        printErrors("spin phase", spinErrors);

        server.requireAlive();

        // 3. ratio
        double ratio = echoRate == 0 ? 0 : spinRate / echoRate;
        figures.add(Figure.target("spins/s ÷ echo round trips/s", String.format(Locale.ROOT, "%.1f %%", ratio * 100),
                "≥ 50 %", ratio >= RATIO_TARGET));

        // 4. open loop
        for (int i = 0; i < rates.size(); i++) {
            int rate = rates.get(i);
            OpenLoop result = openLoop(server, playerSockets, rate, keys);
            server.requireAlive();
            double p99Ms = result.latency.getValueAtPercentile(99) / 1000.0;
            boolean judged = rate == OPEN_LOOP_RATE_TARGET || i == 0 && !rates.contains((int) OPEN_LOOP_RATE_TARGET);
            String measured = String.format(Locale.ROOT, "%s spins/s achieved; p50 %s, p99 %s, p99.9 %s ms",
                    FigureTable.count(result.achievedRate), FigureTable.ms(result.latency.getValueAtPercentile(50)),
                    FigureTable.ms(result.latency.getValueAtPercentile(99)),
                    FigureTable.ms(result.latency.getValueAtPercentile(99.9)))
                    + (result.sustained ? "" : " (rate not sustained" + result.note + ")");
            String name = "open loop at " + FigureTable.count(rate) + " spins/s, " + openLoopConnections
                    + " players, from intended start";
            if (judged) {
                figures.add(Figure.target(name, measured, "p99 ≤ 10 ms at 5,000 spins/s",
                        rate >= OPEN_LOOP_RATE_TARGET && result.sustained && p99Ms <= OPEN_LOOP_P99_TARGET_MS));
            } else {
                figures.add(Figure.info(name, measured));
            }
            String at = "open loop at " + FigureTable.count(rate) + " spins/s: ";
            figures.add(Figure.info(at + "CPU", result.cpu));
            figures.add(Figure.info(at + "app server GC", result.gc));
        }
        playerSockets.forEach(PlayerSocket::close);

        // 5. idle connections
        if (idleConnections > 0) {
            idle(server, ws, tokens);
            server.requireAlive();
        }
    }

    private Map<String, String> nodeSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        // Only itself, on exactly these ports: a clash fails at start instead of meeting a running node.
        s.put("croupier.discovery.port", String.valueOf(DISCOVERY_PORT));
        s.put("croupier.communication.port", String.valueOf(COMMUNICATION_PORT));
        s.put("croupier.communication.portRange", "0");
        s.put("croupier.client.port", String.valueOf(CLIENT_PORT));
        s.put("croupier.client.portRange", "0");
        // Off-heap data region: every spin keeps its round, ledger rows and idempotency record (~3.5 KiB with
        // indexes); a full run writes about half a million spins. Running out halts the node (and the app server).
        s.put("croupier.memory.maxSizeMb", String.valueOf(nodeMemoryMb));
        // A few hundred players spin as fast as the edge answers, far faster than a person: the per-player stake
        // velocity limit would refuse most spins and the figures would measure refusals.
        s.put("croupier.risk.stakesPerSecondMax", "1000000");
        s.put("croupier.risk.stakesPerMinuteMax", "60000000");
        return s;
    }

    private Map<String, String> appSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("croupier.app.demo.enabled", "false");
        s.put("croupier.app.ws.bcrypt-cost", "4");
        s.put("croupier.app.ws.rate-messages-per-second", "100000");
        s.put("croupier.app.ws.rate-burst-messages", "200000");
        s.put("croupier.app.ws.echo-path", "/echo");
        return s;
    }

    /** Opens {@code count} connections, at most 200 handshakes at once. */
    private List<PlayerSocket> openAll(URI uri, boolean raw, int count) throws Exception {
        Semaphore inFlight = new Semaphore(200);
        List<CompletableFuture<PlayerSocket>> opening = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            opening.add(PlayerSocket.open(http, uri, raw, (s, event) -> { })
                    .whenComplete((s, e) -> inFlight.release()));
        }
        List<PlayerSocket> sockets = new ArrayList<>(count);
        for (CompletableFuture<PlayerSocket> f : opening) {
            sockets.add(f.get(60, TimeUnit.SECONDS));
        }
        return sockets;
    }

    /** Registers and funds a player on each connection, 32 at a time; returns their tokens. */
    private List<String> onboard(List<PlayerSocket> sockets, Latencies latencies) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<Clients.Onboarded>> all = new ArrayList<>();
        for (int i = 0; i < sockets.size(); i++) {
            inFlight.acquire();
            all.add(Clients.onboard(sockets.get(i), "edge-" + run + "-" + i, DEPOSIT, null, latencies, requestTimeoutMs)
                    .whenComplete((o, e) -> inFlight.release()));
        }
        List<String> tokens = new ArrayList<>();
        for (CompletableFuture<Clients.Onboarded> f : all) {
            tokens.add(f.get(requestTimeoutMs * 3, TimeUnit.MILLISECONDS).token());
        }
        return tokens;
    }

    /** A request on one connection, completing when its reply arrives. */
    interface Exchange {
        CompletableFuture<PlayerSocket.Reply> send(PlayerSocket socket);
    }

    /**
     * Every connection sends, waits for the reply, sends again: warm-up, then {@code seconds} measured. Latency from
     * send to reply of the exchanges started inside the window; a failed exchange is not recorded (its errors are
     * counted by the caller).
     */
    private ClosedLoop closedLoop(AppServerChild server, String name, String op, List<PlayerSocket> sockets,
                                  Exchange exchange) throws Exception {
        Histogram measured = new org.HdrHistogram.ConcurrentHistogram(Latencies.HIGHEST_MICROS, 3);
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        CompletableFuture<Usage> usage = WindowUsage.measure(server, http, measureFrom, measureTo);
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (PlayerSocket s : sockets) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loops.add(done);
            loop(s, exchange, measured, measureFrom, measureTo, done);
        }
        System.out.printf(Locale.ROOT, "%n%s: %d connections closed loop, %d s warm-up, %d s measured...%n", name,
                sockets.size(), warmupSeconds, seconds);
        for (CompletableFuture<Void> f : loops) {
            f.get(warmupSeconds + seconds + requestTimeoutMs / 1000 + 60, TimeUnit.SECONDS);
        }
        System.out.printf(Locale.ROOT, "   %,d round trips measured: %,.0f/s, p50 %.2f ms, p99 %.2f ms%n",
                measured.getTotalCount(), measured.getTotalCount() / (double) seconds,
                measured.getValueAtPercentile(50) / 1000.0, measured.getValueAtPercentile(99) / 1000.0);
        Usage used = usage.get(60, TimeUnit.SECONDS);
        String cpu = used.cpuPer(op, measured.getTotalCount());
        System.out.printf(Locale.ROOT, "   %s; app server GC: %s%n", cpu, used.pauses());
        return new ClosedLoop(measured, cpu);
    }

    /** {@code cpu}: CPU per operation of the app server and of the load generator in the measured window. */
    record ClosedLoop(Histogram latency, String cpu) {
    }

    private void loop(PlayerSocket s, Exchange exchange, Histogram measured, long measureFrom, long measureTo,
                      CompletableFuture<Void> done) {
        long sent = System.nanoTime();
        if (sent >= measureTo) {
            done.complete(null);
            return;
        }
        exchange.send(s).whenComplete((reply, failure) -> {
            if (failure == null && reply.errorCode() == null && sent >= measureFrom
                    && reply.receivedNanos() <= measureTo) {
                measured.recordValue(Math.min(Latencies.HIGHEST_MICROS,
                        TimeUnit.NANOSECONDS.toMicros(reply.receivedNanos() - sent)));
            }
            if (failure != null && !s.isOpen()) {
                done.completeExceptionally(failure);
                return;
            }
            loop(s, exchange, measured, measureFrom, measureTo, done);
        });
    }

    /** {@code note}: why a rate was given up, with what was answered until then (empty when it was not). */
    record OpenLoop(Histogram latency, double achievedRate, boolean sustained, String note, String cpu, String gc) {
    }

    /**
     * Spins at a fixed rate: spin n is due at start + n / rate, whether or not earlier ones have been answered; it
     * goes out on a free connection (one request in flight each) or waits for one. Its latency counts from when it
     * was due, so waiting for a connection or behind a stalled server is measured (no coordinated omission).
     */
    private OpenLoop openLoop(AppServerChild server, List<PlayerSocket> sockets, int rate, AtomicLong keys)
            throws Exception {
        List<PlayerSocket> use = sockets.subList(0, Math.min(openLoopConnections, sockets.size()));
        Histogram latency = new org.HdrHistogram.ConcurrentHistogram(Latencies.HIGHEST_MICROS, 3);
        Latencies errors = new Latencies();
        ConcurrentLinkedQueue<PlayerSocket> free = new ConcurrentLinkedQueue<>(use);
        ConcurrentLinkedQueue<Long> backlog = new ConcurrentLinkedQueue<>();
        AtomicLong completedInWindow = new AtomicLong();
        AtomicLong lastAnswerNanos = new AtomicLong();
        AtomicLong outstanding = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        String note = "";
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        long backlogMax = (long) rate * 5;
        CompletableFuture<Usage> usage = WindowUsage.measure(server, http, measureFrom, measureTo);
        System.out.printf(Locale.ROOT, "%nopen loop: %,d spins/s on %d connections, %d s warm-up, %d s measured...%n",
                rate, use.size(), warmupSeconds, seconds);
        OpenLoopSender sender = new OpenLoopSender(free, backlog, keys, errors, latency, completedInWindow,
                lastAnswerNanos, outstanding, answered, measureFrom, measureTo);
        boolean sustained = true;
        long due = start;
        while (due < measureTo) {
            long now = System.nanoTime();
            while (due <= now && due < measureTo) {
                sender.dispatch(due);
                due += intervalNanos;
            }
            if (backlog.size() > backlogMax) {
                sustained = false;
                double elapsed = (System.nanoTime() - start) / 1e9;
                note = String.format(Locale.ROOT, ": after %.1f s, 5 s of spins were waiting; %s spins/s answered "
                        + "until then", elapsed, FigureTable.count(answered.get() / elapsed));
                System.out.println("   stopping this rate" + note);
                break;
            }
            LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(requestTimeoutMs);
        while ((outstanding.get() > 0 || !backlog.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long dueButUnanswered = outstanding.get() + backlog.size();
        backlog.clear();
        // Every request times out in the end: wait for the last ones, so the next rate starts on idle connections.
        long idleDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(requestTimeoutMs + 5_000);
        while (outstanding.get() > 0 && System.nanoTime() < idleDeadline) {
            Thread.sleep(10);
        }
        // Answers per second over the time they took to come back: spins answered while draining count with the
        // draining time, so a rate that only kept up by falling behind is not reported as achieved.
        long windowEnd = Math.max(Math.min(measureTo, due), lastAnswerNanos.get());
        double achieved = windowEnd <= measureFrom ? 0 : completedInWindow.get() / ((windowEnd - measureFrom) / 1e9);
        sustained &= achieved >= rate * 0.98 && dueButUnanswered == 0;
        System.out.printf(Locale.ROOT, "   %,d spins answered in the window: %,.0f/s; from intended start p50 %.2f, "
                        + "p99 %.2f, p99.9 %.2f, max %.2f ms; %d unanswered at the end%n", completedInWindow.get(),
                achieved, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getValueAtPercentile(99.9) / 1000.0, latency.getMaxValue() / 1000.0, dueButUnanswered);
        printErrors("open loop " + rate, errors);
        if (!errors.errors().isEmpty()) {
            sustained = false;
        }
        String cpu = "not measured: the rate was given up before the window ended";
        String gc = cpu;
        if (due >= measureTo) {
            Usage used = usage.get(60, TimeUnit.SECONDS);
            cpu = used.cpuPer("spin", completedInWindow.get());
            gc = used.pauses();
            System.out.printf(Locale.ROOT, "   %s; app server GC: %s%n", cpu, gc);
        }
        // Let the connections' last replies land before they are reused.
        Thread.sleep(1_000);
        return new OpenLoop(latency, achieved, sustained, note, cpu, gc);
    }

    /** Sends due spins on free connections; a connection freed by a reply takes the oldest waiting spin. */
    private final class OpenLoopSender {
        private final ConcurrentLinkedQueue<PlayerSocket> free;
        private final ConcurrentLinkedQueue<Long> backlog;
        private final AtomicLong keys;
        private final Latencies errors;
        private final Histogram latency;
        private final AtomicLong completedInWindow;
        private final AtomicLong lastAnswerNanos;
        private final AtomicLong outstanding;
        private final AtomicLong answered;
        private final long measureFrom;
        private final long measureTo;

        OpenLoopSender(ConcurrentLinkedQueue<PlayerSocket> free, ConcurrentLinkedQueue<Long> backlog, AtomicLong keys,
                       Latencies errors, Histogram latency, AtomicLong completedInWindow, AtomicLong lastAnswerNanos,
                       AtomicLong outstanding, AtomicLong answered, long measureFrom, long measureTo) {
            this.free = free;
            this.backlog = backlog;
            this.keys = keys;
            this.errors = errors;
            this.latency = latency;
            this.completedInWindow = completedInWindow;
            this.lastAnswerNanos = lastAnswerNanos;
            this.outstanding = outstanding;
            this.answered = answered;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
        }

        void dispatch(long dueNanos) {
            PlayerSocket s = free.poll();
            if (s == null) {
                backlog.add(dueNanos);
                rescue();
            } else {
                fire(s, dueNanos);
            }
        }

        private void fire(PlayerSocket s, long dueNanos) {
            outstanding.incrementAndGet();
            Clients.timedCall(s, "slot.spin", Requests.spin(GAME, STAKE, "open-" + keys.incrementAndGet()), errors,
                    requestTimeoutMs).whenComplete((reply, failure) -> {
                        outstanding.decrementAndGet();
                        if (failure == null && reply.errorCode() == null) {
                            answered.incrementAndGet();
                        }
                        if (failure == null && reply.errorCode() == null && dueNanos >= measureFrom
                                && dueNanos < measureTo) {
                            latency.recordValue(Math.min(Latencies.HIGHEST_MICROS,
                                    TimeUnit.NANOSECONDS.toMicros(reply.receivedNanos() - dueNanos)));
                            completedInWindow.incrementAndGet();
                            lastAnswerNanos.accumulateAndGet(reply.receivedNanos(), Math::max);
                        }
                        if (failure != null && !s.isOpen()) {
                            return;
                        }
                        Long next = backlog.poll();
                        if (next != null) {
                            fire(s, next);
                        } else {
                            free.add(s);
                            rescue();
                        }
                    });
        }

        /** A spin queued just as a connection became free must not wait for the next reply. */
        private void rescue() {
            while (!backlog.isEmpty()) {
                PlayerSocket s = free.poll();
                if (s == null) {
                    return;
                }
                Long next = backlog.poll();
                if (next == null) {
                    free.add(s);
                    return;
                }
                fire(s, next);
            }
        }
    }

    /**
     * Opens {@code idleConnections} connections, each authenticated with one of {@code idlePlayers} players' tokens
     * (several connections per player), leaves them idle, and reads the app server's heap after a full GC, next to
     * the same reading with no connection at all.
     */
    private void idle(AppServerChild server, URI ws, List<String> tokens) throws Exception {
        List<String> idleTokens = new ArrayList<>(tokens.subList(0, Math.min(tokens.size(), idlePlayers)));
        if (idleTokens.size() < idlePlayers) {
            List<PlayerSocket> extra = openAll(ws, false, idlePlayers - idleTokens.size());
            idleTokens.addAll(onboard(extra, new Latencies()));
            extra.forEach(PlayerSocket::close);
        }
        Thread.sleep(2_000);
        server.collectGarbage();
        String before = server.metrics(http);
        double heapBefore = heap(before);
        System.out.printf(Locale.ROOT, "%nidle: heap after a full GC with %.0f connections: %s; opening %,d "
                        + "connections, auth with %d players' tokens...%n",
                PrometheusText.sum(before, "croupier_ws_connections", Map.of()), FigureTable.gib(heapBefore),
                idleConnections, idleTokens.size());
        Latencies auth = new Latencies();
        long t0 = System.nanoTime();
        Semaphore inFlight = new Semaphore(200);
        AtomicLong firstFailures = new AtomicLong();
        List<CompletableFuture<PlayerSocket>> opening = new ArrayList<>(idleConnections);
        for (int i = 0; i < idleConnections; i++) {
            String token = idleTokens.get(i % idleTokens.size());
            inFlight.acquire();
            CompletableFuture<PlayerSocket> f = PlayerSocket.open(http, ws, false, (s, event) -> { })
                    .thenCompose(s -> Clients.timedCall(s, "auth", Requests.auth(token), auth, requestTimeoutMs)
                            .thenApply(r -> {
                                if (r.errorCode() != null) {
                                    s.close();
                                    throw new Clients.ProtocolError("auth", r.errorCode());
                                }
                                return s;
                            }))
                    .whenComplete((s, e) -> {
                        inFlight.release();
                        if (e != null) {
                            auth.error("connect+auth", Clients.code(e));
                            if (firstFailures.getAndIncrement() < 5) {
                                System.out.println("   connect+auth failed: " + LoadGen.cause(e));
                            }
                        }
                    });
            opening.add(f);
        }
        List<PlayerSocket> open = new ArrayList<>(idleConnections);
        for (CompletableFuture<PlayerSocket> f : opening) {
            try {
                open.add(f.get(requestTimeoutMs * 3, TimeUnit.MILLISECONDS));
            } catch (Exception failed) {
                // counted as an error above
            }
        }
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "   %,d authenticated in %.1f s%n", open.size(), openSeconds);
        System.out.print(Latencies.table("request", auth.rows(openSeconds, n -> true)));
        printErrors("idle", auth);
        Thread.sleep(5_000);
        server.collectGarbage();
        String after = server.metrics(http);
        double heapAfter = heap(after);
        double serverConnections = PrometheusText.sum(after, "croupier_ws_connections", Map.of());
        long stillOpen = open.stream().filter(PlayerSocket::isOpen).count();
        System.out.printf(Locale.ROOT, "   heap after a full GC: %s (%,.0f connections on the server, %,d open here); "
                + "%.1f KiB per connection over the empty server%n", FigureTable.gib(heapAfter), serverConnections,
                stillOpen, (heapAfter - heapBefore) / Math.max(1, stillOpen) / 1024);
        figures.add(Figure.info("app server heap after full GC, no connection", FigureTable.gib(heapBefore)));
        figures.add(Figure.target("app server heap after full GC, " + FigureTable.count(stillOpen)
                        + " authenticated idle connections (" + idleTokens.size() + " players)",
                FigureTable.gib(heapAfter) + String.format(Locale.ROOT, " (%.1f KiB per connection)",
                        (heapAfter - heapBefore) / Math.max(1, stillOpen) / 1024),
                "≤ 1.5 GiB for 10,000", stillOpen >= IDLE_CONNECTIONS_TARGET && heapAfter <= HEAP_TARGET_BYTES));
        open.forEach(PlayerSocket::close);
    }

    /**
     * The app server's "too long JVM pause" warnings (Ignite's detector: a thread that slept 50 ms woke up much
     * later — a GC pause or, on a busy host, threads not scheduled): how many and the longest.
     */
    public static String pauses(Path log) {
        long count = 0;
        long longestMs = 0;
        try (Stream<String> lines = Files.lines(log)) {
            for (String line : (Iterable<String>) lines::iterator) {
                int at = line.indexOf("Possible too long JVM pause: ");
                if (at >= 0) {
                    count++;
                    String ms = line.substring(at + "Possible too long JVM pause: ".length()).split(" ")[0];
                    longestMs = Math.max(longestMs, Long.parseLong(ms.trim()));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return "App server JVM pauses: log not readable (" + e + ")";
        }
        return String.format(Locale.ROOT, "App server JVM pauses over 500 ms (Ignite's detector): %d, longest %d ms",
                count, longestMs);
    }

    /** The host's 1-minute load average (other processes share the cores), or "?" where there is no /proc. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private static double heap(String scrape) {
        return PrometheusText.sum(scrape, "jvm_memory_used_bytes", Map.of("area", "heap"));
    }

    private static String percentiles(Histogram h) {
        return FigureTable.ms(h.getValueAtPercentile(50)) + " / " + FigureTable.ms(h.getValueAtPercentile(99)) + " / "
                + FigureTable.ms(h.getValueAtPercentile(99.9));
    }

    private static void printErrors(String phase, Latencies latencies) {
        Map<String, Long> errors = latencies.errors();
        if (!errors.isEmpty()) {
            System.out.printf("   errors in %s: %s%n", phase, errors);
        }
    }
}
