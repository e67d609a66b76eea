package io.croupier.bench;

import io.croupier.audit.AuditReport;
import io.croupier.audit.LedgerAudit;
import io.croupier.node.GridNodes;
import io.croupier.node.NodeSettings;
import io.croupier.player.Players;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.PipelineSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import io.croupier.wallet.GroupCommitter;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The money part of a slot spin (stake debit, win credit, ledger rows, idempotency record) — or, with {@code --op spin},
 * a whole slot spin (the same plus the reel draw from the player's seeds and the round record) — against three grid
 * set-ups, and the money transaction as a PostgreSQL stored procedure under pgbench, in one run on one machine.
 */
@Command(name = "wallet", mixinStandardHelpOptions = true,
        description = "Bet-then-win (or slot spin) throughput and latency: Croupier grid set-ups versus PostgreSQL, same run.")
final class WalletBench implements Callable<Integer> {
    private static final String CURRENCY = "EUR";
    private static final long STAKE = 100;
    private static final long INITIAL_BALANCE = 1_000_000_000_000L;

    /** What one client operation is. */
    enum Operation {
        /** The money transaction of a spin with the win decided by the client: comparable with older runs. */
        BET_AND_WIN("bet-and-win"),
        /** A slot spin: stake, reel draw from the player's seeds, win, round record, in one transaction. */
        SPIN("spin");

        final String label;

        Operation(String label) {
            this.label = label;
        }

        static Operation parse(String label) {
            for (Operation o : values()) {
                if (o.label.equals(label)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown operation '" + label + "' (bet-and-win or spin)");
        }
    }

    @Option(names = "--op", defaultValue = "bet-and-win", converter = OperationConverter.class,
            description = "Operation each client sends: bet-and-win (stake 100, win decided by the client) or spin "
                    + "(a slot spin of --game, stake 100). The PostgreSQL baseline is bet-and-win in both cases.")
    Operation op;

    @Option(names = "--game", defaultValue = "classic-fruits",
            description = "Slot game for --op spin (a definition in <root>/config/slots).")
    String game;

    @Option(names = "--wallets", defaultValue = "10000", description = "Wallets the load spreads over.")
    int wallets;

    @Option(names = "--clients", defaultValue = "32", description = "Simulated clients, each with one operation in flight.")
    int clients;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds per set-up.")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "45",
            description = "Unmeasured seconds before each measurement (Ignite's code needs the JIT: throughput triples over the first 40 s).")
    int warmupSeconds;

    @Option(names = "--configs", split = ",", defaultValue = "mem1,mem2,fsync1,pg",
            description = "Set-ups to run: mem1 (1 node in-memory), mem1-norisk (the same without the inline risk checks), mem1-nodetect (without the near-real-time fraud detector), mem2 (2 node processes, backups=1, FULL_SYNC), "
                    + "fsync1 (1 node, persistence, WAL FSYNC), pg (PostgreSQL, synchronous_commit on and off).")
    List<String> configs;

    @Option(names = "--pg-clients", split = ",", defaultValue = "8,32",
            description = "pgbench client counts to try; the best result per synchronous_commit setting is the baseline.")
    List<Integer> pgClients;

    @Option(names = "--node-heap", defaultValue = "2g", description = "Heap of each grid node process.")
    String nodeHeap;

    @Option(names = "--node-setting", description = "Extra node setting for every grid set-up (repeatable), e.g. croupier.commit.stripes=2; applied after the set-up's own.")
    Map<String, String> nodeSettings = new LinkedHashMap<>();

    @Option(names = "--node-jvm-option", description = "Extra JVM option for node processes (repeatable; {index} becomes the node number), e.g. a flight recording.")
    List<String> nodeJvmOptions = new ArrayList<>();

    @Option(names = "--root", defaultValue = ".", description = "Project root (config/, bench/pg/).")
    Path root;

    @Option(names = "--workdir", defaultValue = "var/bench", description = "Scratch directory, emptied per set-up.")
    Path workdir;

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** Set by {@code bench report}: analysts' reports run during a second measurement of every grid set-up. */
    ReportLoad reportLoad;

    /** One measured phase; {@code nodeCpuUsPerOp} is the grid nodes' CPU time per operation (NaN when unknown). */
    record Row(String label, double opsPerSecond, double p50Ms, double p99Ms, double p999Ms, String check,
               double nodeCpuUsPerOp) {
        Row(String label, double opsPerSecond, double p50Ms, double p99Ms, double p999Ms, String check) {
            this(label, opsPerSecond, p50Ms, p99Ms, p999Ms, check, Double.NaN);
        }
    }

    static final class OperationConverter implements ITypeConverter<Operation> {
        @Override
        public Operation convert(String value) {
            return Operation.parse(value);
        }
    }

    @Override
    public Integer call() throws Exception {
        root = root.toAbsolutePath().normalize();
        workdir = root.resolve(workdir).normalize();
        if (op == Operation.SPIN && !Files.isRegularFile(slotsDirectory().resolve(game + ".json"))) {
            throw new IllegalArgumentException("no slot game '" + game + "' in " + slotsDirectory());
        }
        System.out.printf("Machine: %d cores, %d GiB RAM, %s %s; %d wallets, %d clients, %d s measured after %d s warm-up%n",
                Runtime.getRuntime().availableProcessors(), totalMemoryGib(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), wallets, clients, seconds, warmupSeconds);
        System.out.println("Operation: " + describeOperation());
        for (String config : configs) {
            switch (config) {
                case "mem1" -> runGrid("mem1", "Croupier 1 node, in-memory", 1, Map.of(
                        "croupier.persistence.enabled", "false", "croupier.cache.backups", "0"));
                case "mem1-norisk" -> runGrid("mem1-norisk", "Croupier 1 node, in-memory, inline risk checks off", 1,
                        Map.of("croupier.persistence.enabled", "false", "croupier.cache.backups", "0",
                                "croupier.risk.enabled", "false"));
                case "mem1-nodetect" -> runGrid("mem1-nodetect", "Croupier 1 node, in-memory, fraud detector off", 1,
                        Map.of("croupier.persistence.enabled", "false", "croupier.cache.backups", "0",
                                "croupier.detect.enabled", "false"));
                case "mem2" -> runGrid("mem2", "Croupier 2 nodes, backups=1 FULL_SYNC", 2, Map.of(
                        "croupier.persistence.enabled", "false", "croupier.cache.backups", "1"));
                case "fsync1" -> runGrid("fsync1", "Croupier 1 node, persistence WAL FSYNC", 1, Map.of(
                        "croupier.persistence.enabled", "true", "croupier.persistence.walMode", "FSYNC",
                        "croupier.cache.backups", "0"));
                case "pg" -> runPostgres();
                default -> throw new IllegalArgumentException("unknown set-up " + config);
            }
        }
        printTable();
        return 0;
    }

    private void runGrid(String setupId, String label, int nodes, Map<String, String> setup) throws Exception {
        // A set-up may be listed more than once (alternating runs): each run keeps its own row.
        String id = setupId;
        for (int run = 2; rows.containsKey(id); run++) {
            id = setupId + "#" + run;
        }
        Path dir = workdir.resolve(setupId);
        ServerProcesses.deleteTree(dir);
        Files.createDirectories(dir);
        Map<String, String> settings = new HashMap<>(setup);
        settings.put("croupier.node.workDirectory", dir.toString());
        settings.put("croupier.discovery.addresses", "127.0.0.1:47700..47709");
        settings.put("croupier.discovery.port", "47700");
        settings.put("croupier.communication.port", "47800");
        settings.put("croupier.client.port", "10900");
        settings.put("croupier.memory.maxSizeMb", "6144");
        settings.put("croupier.cluster.initialNodes", String.valueOf(nodes));
        // Absolute, so the nodes find the games whatever their working directory.
        settings.put("croupier.games.slotsDirectory", slotsDirectory().toString());
        // No roulette tables on these nodes: the benchmark measures the money path alone.
        settings.put("croupier.games.tablesFile", dir.resolve("no-tables.json").toString());
        settings.putAll(nodeSettings);
        System.out.printf("%n== %s: starting %d node process(es)%s%n", label, nodes,
                nodeSettings.isEmpty() ? "" : " with " + nodeSettings);
        try (ServerProcesses servers = new ServerProcesses(root, dir)) {
            for (int i = 0; i < nodes; i++) {
                servers.start(i, nodeHeap, nodeJvmOptions, settings);
            }
            Map<String, String> client = new HashMap<>(settings);
            client.put("croupier.node.name", "bench-driver");
            try (Ignite driver = GridNodes.startClient(NodeSettings.of(client))) {
                ServerProcesses.awaitServers(driver, nodes);
                GridNodes.awaitActive(driver, 120_000);
                try (GridWalletService wallet = new GridWalletService(driver, PipelineSettings.defaults())) {
                    long[] players = seed(driver, wallet);
                    load(wallet, players, "w", warmupSeconds);
                    Histogram h = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
                    long[] before = commitStats(driver);
                    long cpuBefore = servers.cpuNanos();
                    long driverBefore = ownCpuNanos();
                    long ops = load(wallet, players, "m", seconds, h);
                    long cpuUsed = servers.cpuNanos() - cpuBefore;
                    long driverUsed = ownCpuNanos() - driverBefore;
                    long[] after = commitStats(driver);
                    System.out.printf(Locale.ROOT, "   %d operations in %d group commits: %.1f per transaction%n",
                            after[1] - before[1], after[0] - before[0],
                            (after[1] - before[1]) / (double) Math.max(1, after[0] - before[0]));
                    System.out.printf(Locale.ROOT, "   driver (the client process) CPU: %.1f µs per operation%n",
                            driverUsed / 1000.0 / Math.max(1, ops));
                    printAlerts(driver);
                    AuditReport audit = LedgerAudit.run(driver);
                    String check = audit.isClean() ? "audit ok" : "AUDIT FAILED";
                    if (!audit.isClean()) {
                        System.out.print(audit.describe());
                    }
                    rows.put(id, new Row(label, ops / (double) seconds, h.getValueAtPercentile(50) / 1000.0,
                            h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, check,
                            cpuUsed / 1000.0 / Math.max(1, ops)));
                    System.out.println(format(rows.get(id)));
                    if (reportLoad != null) {
                        measureUnderReports(id, label, wallet, players, settings.get("croupier.client.port"));
                    }
                }
            }
        }
        ServerProcesses.deleteTree(dir);
    }

    /**
     * The same load again with the reports running every {@code reportLoad.everyMs}, then once more without them
     * (the JIT keeps improving: the mean of the two runs without reports is the baseline).
     */
    private void measureUnderReports(String id, String label, GridWalletService wallet, long[] players,
                                     String clientPort) throws Exception {
        Histogram with = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        long opsWith;
        String reports;
        try (ReportLoad.Running running = reportLoad.start("jdbc:ignite:thin://127.0.0.1:" + clientPort)) {
            opsWith = load(wallet, players, "r", seconds, with);
            reports = running.describe();
        }
        rows.put(id + "+reports", new Row(label + ", a report every " + reportLoad.everyMs() / 1000 + " s",
                opsWith / (double) seconds, with.getValueAtPercentile(50) / 1000.0,
                with.getValueAtPercentile(99) / 1000.0, with.getValueAtPercentile(99.9) / 1000.0, reports));
        System.out.println(format(rows.get(id + "+reports")));
        Histogram again = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        long opsAgain = load(wallet, players, "a", seconds, again);
        rows.put(id + "+control", new Row(label + ", no reports (again)", opsAgain / (double) seconds,
                again.getValueAtPercentile(50) / 1000.0, again.getValueAtPercentile(99) / 1000.0,
                again.getValueAtPercentile(99.9) / 1000.0, "control"));
        System.out.println(format(rows.get(id + "+control")));
    }

    /** Groups and operations committed so far, summed over the server nodes. */
    private static long[] commitStats(Ignite driver) {
        long[] total = new long[2];
        for (long[] node : driver.compute(driver.cluster().forServers()).broadcast(new CommitStats())) {
            total[0] += node[0];
            total[1] += node[1];
        }
        return total;
    }

    /** Runs on each server node (the bench jar is on the nodes' classpath). */
    static final class CommitStats implements IgniteCallable<long[]> {
        private static final long serialVersionUID = 1L;

        @IgniteInstanceResource
        private transient Ignite ignite;

        @Override
        public long[] call() {
            return GroupCommitter.of(ignite).committedGroupsAndOperations();
        }
    }

    private long[] seed(Ignite driver, GridWalletService wallet) throws Exception {
        long t0 = System.nanoTime();
        Players players = new Players(driver, Clock.systemUTC());
        long[] ids = players.openMany("bench-", wallets, CURRENCY);
        List<CompletableFuture<MoneyResult>> deposits = new ArrayList<>(wallets);
        for (long id : ids) {
            deposits.add(wallet.submit(MoneyRequest.deposit(id, "seed", CURRENCY, INITIAL_BALANCE, "tok_bench")));
        }
        for (CompletableFuture<MoneyResult> d : deposits) {
            if (!d.get().isOk()) {
                throw new IllegalStateException("seed deposit failed: " + d.get());
            }
        }
        System.out.printf("   seeded %d wallets in %.1f s%n", wallets, (System.nanoTime() - t0) / 1e9);
        return ids;
    }

    private long load(GridWalletService wallet, long[] players, String phase, int durationSeconds) throws Exception {
        return load(wallet, players, phase, durationSeconds, null);
    }

    /**
     * {@code clients} simulated clients, each with one operation in flight: pick a wallet, bet 100 and win 0 (70 %)
     * or 1..400 (or spin for 100), and on the answer send the next one. Closed loop like pgbench's clients, but
     * driven by completions instead of one blocked thread per client, so the load generator itself stays cheap.
     */
    private long load(GridWalletService wallet, long[] players, String phase, int durationSeconds, Histogram total)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
        Recorder latencies = new Recorder(3);
        AtomicLong rejected = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            new ClosedLoopClient(wallet, players, phase, op, game, end, latencies, rejected, sequence, finished).next();
        }
        if (!finished.await(durationSeconds + 120L, TimeUnit.SECONDS)) {
            throw new IllegalStateException("operations still unanswered two minutes after the " + phase + " phase");
        }
        Histogram h = latencies.getIntervalHistogram();
        if (total != null) {
            total.add(h);
        }
        if (rejected.get() > 0) {
            throw new IllegalStateException(rejected.get() + " operations were rejected during the " + phase + " phase");
        }
        return h.getTotalCount();
    }

    private record ClosedLoopClient(GridWalletService wallet, long[] players, String phase, Operation op,
                                    String game, long endNanos, Recorder latencies, AtomicLong rejected,
                                    AtomicLong sequence, CountDownLatch finished) {
        void next() {
            if (System.nanoTime() >= endNanos) {
                finished.countDown();
                return;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long player = players[random.nextInt(players.length)];
            String key = phase + sequence.incrementAndGet();
            MoneyRequest request = switch (op) {
                case BET_AND_WIN -> MoneyRequest.betAndWin(player, key, CURRENCY, STAKE,
                        random.nextInt(100) < 70 ? 0 : 1 + random.nextInt(400), null);
                case SPIN -> MoneyRequest.spin(player, key, CURRENCY, STAKE, game);
            };
            long start = System.nanoTime();
            wallet.submit(request).whenComplete((result, failure) -> {
                latencies.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
                if (failure != null || !result.isOk() || (op == Operation.SPIN && result.round() == null)) {
                    rejected.incrementAndGet();
                }
                next();
            });
        }
    }

    /** Runs the PostgreSQL baseline; its best rows per setting are then {@link #postgres}{@code ("on"|"off")}. */
    void runPostgres() throws Exception {
        if (op == Operation.SPIN) {
            System.out.printf("%n   PostgreSQL runs the bet-and-win procedure: the money transaction alone, without the game draw%n");
        }
        Path script = root.resolve("bench/pg/pgbench-spin.sh");
        for (String sync : List.of("on", "off")) {
            Row best = null;
            for (int clients : pgClients) {
                Path dir = workdir.resolve("pg");
                Files.createDirectories(dir);
                System.out.printf("%n== PostgreSQL synchronous_commit=%s, %d pgbench clients%n", sync, clients);
                Process p = new ProcessBuilder("bash", script.toString(), "--wallets", String.valueOf(wallets),
                        "--clients", String.valueOf(clients), "--seconds", String.valueOf(seconds),
                        "--warmup-seconds", String.valueOf(warmupSeconds), "--sync", sync, "--workdir", dir.toString())
                        .redirectError(dir.resolve("pgbench-" + sync + "-" + clients + ".log").toFile()).start();
                String last = null;
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        last = line;
                    }
                }
                if (p.waitFor() != 0 || last == null || !last.startsWith("RESULT ")) {
                    throw new IllegalStateException("pgbench run failed (see " + dir + "): " + last);
                }
                Map<String, String> kv = new HashMap<>();
                for (String part : last.substring("RESULT ".length()).trim().split("\\s+")) {
                    String[] pair = part.split("=", 2);
                    kv.put(pair[0], pair[1]);
                }
                Row row = new Row("PostgreSQL sync_commit=" + sync + ", " + clients + " clients",
                        Double.parseDouble(kv.get("tps")), Double.parseDouble(kv.get("p50_ms")),
                        Double.parseDouble(kv.get("p99_ms")), Double.parseDouble(kv.get("p999_ms")),
                        "invariants " + kv.get("invariants"));
                System.out.println(format(row));
                rows.put("pg-" + sync + "-" + clients, row);
                if (best == null || row.opsPerSecond() > best.opsPerSecond()) {
                    best = row;
                }
            }
            rows.put("pg-" + sync, best);
        }
    }

    /** The best PostgreSQL row of a {@code synchronous_commit} setting ("on" or "off"), or null before {@link #runPostgres}. */
    Row postgres(String sync) {
        return rows.get("pg-" + sync);
    }

    private void printTable() {
        System.out.printf("%n%-46s %12s %9s %9s %9s %13s  %s%n", "set-up", "spins/s", "p50 ms", "p99 ms", "p99.9 ms",
                "node CPU µs", "check");
        rows.forEach((id, row) -> {
            if (!id.equals("pg-on") && !id.equals("pg-off")) {
                System.out.println(format(row));
            }
        });
        Row pgOn = rows.get("pg-on");
        Row pgOff = rows.get("pg-off");
        System.out.printf("%nCroupier rows: %s%n", describeOperation());
        if (pgOn != null || pgOff != null) {
            System.out.println("PostgreSQL rows: the bet-and-win stored procedure"
                    + (op == Operation.SPIN ? " (the money transaction alone, without the game draw)" : ""));
        }
        if (reportLoad != null) {
            System.out.printf(Locale.ROOT, "%nReport cost, a report every %.1f s (target, with a report every 5 s: at most "
                    + "20 %% fewer spins/s):%n", reportLoad.everyMs() / 1000.0);
            rows.keySet().stream().filter(id -> id.endsWith("+reports")).forEach(id -> {
                String base = id.substring(0, id.length() - "+reports".length());
                double without = (rows.get(base).opsPerSecond() + rows.get(base + "+control").opsPerSecond()) / 2;
                double cost = 1 - rows.get(id).opsPerSecond() / without;
                System.out.printf(Locale.ROOT, "  %-46s %.0f spins/s without reports (mean of 2 runs), %.0f with: "
                        + "%.1f %% fewer  %s%n", rows.get(base).label(), without, rows.get(id).opsPerSecond(),
                        cost * 100, cost <= 0.20 ? "MET" : "NOT MET");
            });
            return;
        }
        printRiskCost();
        System.out.printf("%nTargets (each also needs p99 <= 10 ms):%n");
        target("mem1", pgOff, "1 node in-memory  >= 2x PostgreSQL synchronous_commit=off");
        target("mem2", pgOn, "2 nodes FULL_SYNC >= 2x PostgreSQL durable");
        target("fsync1", pgOn, "WAL FSYNC         >= 2x PostgreSQL durable");
    }

    /**
     * With both {@code mem1} and {@code mem1-norisk} runs: what the inline risk checks add to a spin, as node CPU per
     * operation (steady on a shared host) and as throughput (noisy), each the mean over the runs of a set-up.
     */
    private void printRiskCost() {
        double[] with = meanOf("mem1");
        double[] without = meanOf("mem1-norisk");
        if (with == null || without == null) {
            return;
        }
        double cpuCost = with[1] / without[1] - 1;
        System.out.printf(Locale.ROOT, "%nInline risk checks (mean of %d runs with, %d without; target: at most 10 %% "
                        + "added to a spin's cost):%n  node CPU per spin %.1f µs with, %.1f µs without: %+.1f %%  %s%n"
                        + "  throughput %.0f spins/s with, %.0f without: %+.1f %%%n",
                (int) with[2], (int) without[2], with[1], without[1], cpuCost * 100, cpuCost <= 0.10 ? "MET" : "NOT MET",
                with[0], without[0], (with[0] / without[0] - 1) * 100);
    }

    /** Mean spins/s, mean node CPU µs per op and the number of runs of one set-up, or null when it did not run. */
    private double[] meanOf(String setupId) {
        double ops = 0;
        double cpu = 0;
        int n = 0;
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            if (e.getKey().equals(setupId) || e.getKey().startsWith(setupId + "#")) {
                ops += e.getValue().opsPerSecond();
                cpu += e.getValue().nodeCpuUsPerOp();
                n++;
            }
        }
        return n == 0 ? null : new double[] {ops / n, cpu / n, n};
    }

    private void target(String id, Row baseline, String text) {
        Row row = rows.get(id);
        if (row == null || baseline == null) {
            System.out.printf("  %-58s not measured in this run%n", text);
            return;
        }
        double ratio = row.opsPerSecond() / baseline.opsPerSecond();
        boolean met = ratio >= 2.0 && row.p99Ms() <= 10.0;
        System.out.printf(Locale.ROOT, "  %-58s %.2fx (%.0f vs %.0f), p99 %.2f ms  %s%n", text, ratio,
                row.opsPerSecond(), baseline.opsPerSecond(), row.p99Ms(), met ? "MET" : "NOT MET");
    }

    private String describeOperation() {
        return switch (op) {
            case BET_AND_WIN -> "bet-and-win (stake " + STAKE + ", win decided by the client: 0 in 70 %, else 1..400), "
                    + "one transaction";
            case SPIN -> "slot spin of " + game + " (stake " + STAKE + ": stake, reel draw from the player's seeds, win, "
                    + "round record), one transaction";
        };
    }

    private Path slotsDirectory() {
        return root.resolve("config/slots");
    }

    private static String format(Row r) {
        String cpu = Double.isNaN(r.nodeCpuUsPerOp()) ? "-" : String.format(Locale.ROOT, "%.1f", r.nodeCpuUsPerOp());
        return String.format(Locale.ROOT, "%-46s %12.0f %9.2f %9.2f %9.2f %13s  %s", r.label(), r.opsPerSecond(),
                r.p50Ms(), r.p99Ms(), r.p999Ms(), cpu, r.check());
    }

    private static long totalMemoryGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / (1024 * 1024);
                }
            }
        } catch (Exception ignored) {
            // not Linux: unknown
        }
        return -1;
    }

    /** What the fraud detector raised during the set-up: synthetic load should raise next to nothing. */
    private static void printAlerts(Ignite driver) {
        List<List<?>> rows = driver.cache(CacheSchema.FRAUD_ALERT).query(
                new SqlFieldsQuery("SELECT RULE, COUNT(PLAYER_ID), SUM(HITS) FROM "
                        + CacheSchema.SQL_SCHEMA + ".FRAUD_ALERT GROUP BY RULE ORDER BY RULE"))
                .getAll();
        StringBuilder b = new StringBuilder();
        for (List<?> r : rows) {
            b.append(' ').append(r.get(0)).append('=').append(r.get(1)).append(" (hits ").append(r.get(2)).append(')');
        }
        System.out.println("   fraud alerts:" + (b.length() == 0 ? " none" : b));
    }

    /** CPU time of this process (the driver: a client node, as an app server would be). */
    /** CPU time this process has used so far (0 where the operating system does not report it). */
    static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }
}
