package io.croupier.bench;

import io.croupier.audit.AuditReport;
import io.croupier.audit.LedgerAudit;
import io.croupier.fraud.RiskPolicy;
import io.croupier.node.GridNodes;
import io.croupier.node.NodeSettings;
import io.croupier.player.Players;
import io.croupier.rg.RgPolicy;
import io.croupier.slots.SlotCatalog;
import io.croupier.wallet.MoneyLimits;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.MoneyTransactions;
import io.croupier.wallet.PlayPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the grid costs for the rows of a bet-and-win alone. The money transaction ({@link MoneyTransactions}, the
 * code a commit lane runs) is called directly by writer threads on the server nodes, in this JVM: no client node, no
 * messages, no job, no risk or responsible-gambling policy, no fraud detector. What is left is validation (a few map
 * look-ups) and Ignite reading and writing the wallet, the transfer record and 2–4 ledger rows with their SQL indexes.
 * Its CPU per operation is therefore a floor under any set-up of {@code bench wallet} on the same machine, and
 * {@code cores × 10⁶ ÷ floor} a ceiling on its operations per second.
 */
@Command(name = "floor", mixinStandardHelpOptions = true,
        description = "The grid's own cost of a bet-and-win: the money transaction called in-process, no client, "
                + "no policies, no detector; CPU per operation and the ceiling it implies.")
final class FloorBench implements Callable<Integer> {
    private static final String CURRENCY = "EUR";
    private static final long STAKE = 100;
    private static final long INITIAL_BALANCE = 1_000_000_000_000L;
    /** PostgreSQL needs no JIT: a short warm-up fills its caches. */
    private static final int PG_WARMUP_SECONDS = 15;

    @Option(names = "--configs", split = ",", defaultValue = "mem1,mem2,fsync1",
            description = "Set-ups: mem1 (1 node, in-memory), mem2 (2 nodes in this JVM, backups=1 FULL_SYNC), "
                    + "fsync1 (1 node, persistence, WAL FSYNC).")
    List<String> configs;

    @Option(names = "--threads", split = ",", defaultValue = "1,2",
            description = "Writer threads per node to measure, each on its own share of the node's primary partitions.")
    List<Integer> threads;

    @Option(names = "--group", split = ",", defaultValue = "16,64",
            description = "Operations per transaction to measure (a commit lane's group).")
    List<Integer> groups;

    @Option(names = "--wallets", defaultValue = "10000", description = "Wallets the load spreads over.")
    int wallets;

    @Option(names = "--seconds", defaultValue = "15", description = "Measured seconds per combination.")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "40",
            description = "Unmeasured seconds before the first combination of each set-up (the JIT).")
    int warmupSeconds;

    @Option(names = "--policies", defaultValue = "none",
            description = "Play policies in the transaction: none, or product (the inline risk checks and the "
                    + "responsible-gambling limits, as a server node runs them).")
    String policies;

    @Option(names = "--baseline", defaultValue = "pg",
            description = "pg: run the PostgreSQL bet-and-win baseline of bench wallet in the same run and compare "
                    + "the targets with the floor's ceiling; none: the floor alone.")
    String baseline;

    @Option(names = "--pg-clients", split = ",", defaultValue = "8,32",
            description = "pgbench client counts; the best per synchronous_commit setting is the baseline.")
    List<Integer> pgClients;

    @Option(names = "--ports", split = ",", defaultValue = "47700,47800,10900",
            description = "First discovery, communication and thin-client ports of the nodes (each node may take "
                    + "the next nine).")
    List<Integer> ports;

    @Option(names = "--root", defaultValue = ".", description = "Project root.")
    Path root;

    @Option(names = "--workdir", defaultValue = "var/bench", description = "Scratch directory, emptied per set-up.")
    Path workdir;

    /** The measured rows, in order. */
    final List<Row> rows = new ArrayList<>();

    /** One measured combination; {@code ceiling} is cores × 10⁶ ÷ {@code processUsPerOp}. */
    record Row(String setup, String label, int threads, int group, double opsPerSecond, double p50Ms, double p99Ms,
               double processUsPerOp, double writerUsPerOp, double ceiling) {
        String format() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %,.0f | %.2f / %.2f | %.1f | %.1f | %,.0f |", label,
                    threads, group, opsPerSecond, p50Ms, p99Ms, processUsPerOp, writerUsPerOp, ceiling);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!policies.equals("none") && !policies.equals("product")) {
            throw new IllegalArgumentException("--policies is none or product, not " + policies);
        }
        if (!baseline.equals("pg") && !baseline.equals("none")) {
            throw new IllegalArgumentException("--baseline is pg or none, not " + baseline);
        }
        if (ports.size() != 3) {
            throw new IllegalArgumentException("--ports takes three ports: discovery,communication,client");
        }
        root = root.toAbsolutePath().normalize();
        workdir = root.resolve(workdir).normalize();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("Machine: %d cores, %s %s, this JVM: %s; %d wallets, %d s measured per combination%n",
                cores, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:+Use")).toList()),
                wallets, seconds);
        for (String config : configs) {
            switch (config) {
                case "mem1" -> run("mem1", "1 node, in-memory", 1, Map.of("croupier.persistence.enabled", "false",
                        "croupier.cache.backups", "0"));
                case "mem2" -> run("mem2", "2 nodes, backups=1 FULL_SYNC", 2, Map.of("croupier.persistence.enabled", "false",
                        "croupier.cache.backups", "1"));
                case "fsync1" -> run("fsync1", "1 node, persistence WAL FSYNC", 1, Map.of("croupier.persistence.enabled", "true",
                        "croupier.persistence.walMode", "FSYNC", "croupier.cache.backups", "0"));
                default -> throw new IllegalArgumentException("unknown set-up " + config);
            }
        }
        WalletBench pg = baseline.equals("pg") ? postgres() : null;
        System.out.printf("%nThe grid's floor under a bet-and-win (the money transaction alone, in-process, policies: "
                + "%s; ceiling = %d cores × 10⁶ ÷ process µs per operation)%n%n", policies, cores);
        System.out.println("| set-up | writer threads per node | operations per transaction | operations/s | "
                + "transaction p50 / p99 ms | process CPU µs/op | writer threads' CPU µs/op | ceiling ops/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(r -> System.out.println(r.format()));
        if (pg != null) {
            printTargets(pg);
        }
        return 0;
    }

    /** bench wallet's PostgreSQL baseline: the same bet-and-win as a stored procedure under pgbench. */
    private WalletBench postgres() throws Exception {
        WalletBench pg = new WalletBench();
        pg.op = WalletBench.Operation.BET_AND_WIN;
        pg.wallets = wallets;
        pg.seconds = seconds;
        pg.warmupSeconds = PG_WARMUP_SECONDS;
        pg.pgClients = pgClients;
        pg.root = root;
        pg.workdir = workdir;
        pg.runPostgres();
        return pg;
    }

    /**
     * The wallet targets next to the floor: no set-up of the product can do more operations per second than the
     * floor's ceiling, which leaves no CPU for the client that sends the operations.
     */
    private void printTargets(WalletBench pg) {
        System.out.printf("%nTargets against the floor (PostgreSQL measured above, best client count, %d s warm-up)%n%n",
                PG_WARMUP_SECONDS);
        System.out.println("| target | PostgreSQL ops/s | target ops/s | floor's highest ceiling ops/s | floor's best "
                + "measured ops/s | highest ceiling ÷ target |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        target("mem1", "1 node in-memory ≥ 2× PostgreSQL synchronous_commit=off", pg.postgres("off"));
        target("mem2", "2 nodes FULL_SYNC ≥ 2× PostgreSQL durable", pg.postgres("on"));
        target("fsync1", "WAL FSYNC ≥ 2× PostgreSQL durable", pg.postgres("on"));
    }

    private void target(String setup, String label, WalletBench.Row pg) {
        List<Row> floor = rows.stream().filter(r -> r.setup.equals(setup)).toList();
        if (floor.isEmpty() || pg == null) {
            return;
        }
        double ceiling = floor.stream().mapToDouble(Row::ceiling).max().orElseThrow();
        double measured = floor.stream().mapToDouble(Row::opsPerSecond).max().orElseThrow();
        double target = 2 * pg.opsPerSecond();
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %,.0f | %.2f |%n", label, pg.opsPerSecond(),
                target, ceiling, measured, ceiling / target);
    }

    private void run(String id, String label, int nodes, Map<String, String> setup) throws Exception {
        Path dir = workdir.resolve("floor");
        ServerProcesses.deleteTree(dir);
        Files.createDirectories(dir);
        System.out.printf("%n== %s: starting %d node(s) in this JVM%n", label, nodes);
        List<Ignite> started = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                Map<String, String> s = new HashMap<>(setup);
                s.put("croupier.node.name", "floor-" + i);
                s.put("croupier.node.workDirectory", dir.resolve("node-" + i).toString());
                s.put("croupier.discovery.addresses", "127.0.0.1:" + ports.get(0) + ".." + (ports.get(0) + 9));
                s.put("croupier.discovery.port", String.valueOf(ports.get(0)));
                s.put("croupier.communication.port", String.valueOf(ports.get(1)));
                s.put("croupier.client.port", String.valueOf(ports.get(2)));
                s.put("croupier.metrics.port", "0");
                s.put("croupier.memory.maxSizeMb", "4096");
                s.put("croupier.cluster.initialNodes", String.valueOf(nodes));
                s.put("croupier.detect.enabled", "false");
                s.put("croupier.risk.enabled", "false");
                s.put("croupier.games.slotsDirectory", dir.resolve("no-slots").toString());
                s.put("croupier.games.tablesFile", dir.resolve("no-tables.json").toString());
                started.add(GridNodes.startServer(NodeSettings.of(s)));
            }
            Ignite first = started.get(0);
            GridNodes.awaitActive(first, 120_000);
            long[] ids = new Players(first, Clock.systemUTC()).openMany("floor-", wallets, CURRENCY);
            List<Writer> all = new ArrayList<>();
            int maxThreads = threads.stream().mapToInt(Integer::intValue).max().orElse(1);
            NodeSettings settings = NodeSettings.of(Map.of());
            for (Ignite node : started) {
                PlayPolicy policy = policies.equals("product")
                        ? PlayPolicy.inOrder(new RiskPolicy(node, settings.riskSettings(), Clock.systemUTC()),
                                new RgPolicy(node, settings.cashierSettings(), Clock.systemUTC()))
                        : PlayPolicy.ALLOW_ALL;
                MoneyTransactions money = new MoneyTransactions(node, MoneyLimits.DEFAULT, policy,
                        SlotCatalog.EMPTY, Clock.systemUTC(), 5_000);
                List<List<Long>> shares = primaryShares(node, ids, maxThreads);
                for (int t = 0; t < maxThreads; t++) {
                    all.add(new Writer(node.name() + "-" + t, t, money, shares.get(t)));
                }
            }
            for (Writer w : all) {
                w.deposit();
            }
            boolean warm = false;
            for (int t : threads) {
                for (int g : groups) {
                    List<Writer> active = new ArrayList<>();
                    for (Writer w : all) {
                        if (w.index < t) {
                            active.add(w);
                        }
                    }
                    if (!warm) {
                        measure(active, g, warmupSeconds);
                        warm = true;
                    }
                    Result r = measure(active, g, seconds);
                    Row row = new Row(id, label, t, g, r.opsPerSecond, r.p50Ms, r.p99Ms, r.processUsPerOp,
                            r.writerUsPerOp, Runtime.getRuntime().availableProcessors() * 1e6 / r.processUsPerOp);
                    System.out.println(row.format());
                    rows.add(row);
                }
            }
            // The floor writes real money: every wallet must still match its ledger, and the ledger sum to zero.
            AuditReport audit = LedgerAudit.run(first);
            if (!audit.isClean()) {
                throw new IllegalStateException("audit failed after the floor load:\n" + audit.describe());
            }
            System.out.println("   audit ok");
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        }
        ServerProcesses.deleteTree(dir);
    }

    /** The players whose partition is primary on {@code node}, split into {@code n} shares by partition. */
    private static List<List<Long>> primaryShares(Ignite node, long[] ids, int n) {
        Affinity<Long> affinity = node.affinity(io.croupier.schema.CacheSchema.WALLET);
        ClusterNode local = node.cluster().localNode();
        List<List<Long>> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shares.add(new ArrayList<>());
        }
        for (long id : ids) {
            if (affinity.isPrimary(local, id)) {
                shares.get(affinity.partition(id) % n).add(id);
            }
        }
        return shares;
    }

    private record Result(double opsPerSecond, double p50Ms, double p99Ms, double processUsPerOp,
                          double writerUsPerOp) {
    }

    private static Result measure(List<Writer> writers, int group, int durationSeconds) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicBoolean stop = new AtomicBoolean();
        Histogram h = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        List<Thread> running = new ArrayList<>();
        long[] cpu = new long[writers.size()];
        long[] ops = new long[writers.size()];
        long cpu0 = WalletBench.ownCpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < writers.size(); i++) {
            int index = i;
            Writer w = writers.get(i);
            Thread t = new Thread(() -> {
                long c0 = mx.getCurrentThreadCpuTime();
                ops[index] = w.load(group, stop, h);
                cpu[index] = mx.getCurrentThreadCpuTime() - c0;
            }, "floor-writer-" + w.name);
            running.add(t);
            t.start();
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(durationSeconds));
        stop.set(true);
        for (Thread t : running) {
            t.join();
        }
        long elapsed = System.nanoTime() - t0;
        long cpuUsed = WalletBench.ownCpuNanos() - cpu0;
        long totalOps = 0;
        long writerCpu = 0;
        for (int i = 0; i < ops.length; i++) {
            totalOps += ops[i];
            writerCpu += cpu[i];
        }
        long n = Math.max(1, totalOps);
        return new Result(totalOps * 1e9 / elapsed, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, cpuUsed / 1000.0 / n, writerCpu / 1000.0 / n);
    }

    /** One thread's share of a node's players; it runs transactions of {@code group} bet-and-wins back to back. */
    private static final class Writer {
        final String name;
        /** Which of its node's writers this is: a run with n threads per node uses writers 0..n-1. */
        final int index;
        final MoneyTransactions money;
        final long[] players;
        long sequence;

        Writer(String name, int index, MoneyTransactions money, List<Long> players) {
            this.name = name;
            this.index = index;
            this.money = money;
            this.players = players.stream().mapToLong(Long::longValue).toArray();
        }

        void deposit() {
            for (int from = 0; from < players.length; from += 256) {
                List<MoneyRequest> batch = new ArrayList<>();
                for (int i = from; i < Math.min(players.length, from + 256); i++) {
                    batch.add(MoneyRequest.deposit(players[i], "seed", CURRENCY, INITIAL_BALANCE, "tok_floor"));
                }
                check(money.applyInOneTransaction(batch));
            }
        }

        long load(int group, AtomicBoolean stop, Histogram latencies) {
            long done = 0;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int size = Math.min(group, players.length);
            while (!stop.get()) {
                Set<Long> picked = new LinkedHashSet<>();
                while (picked.size() < size) {
                    picked.add(players[random.nextInt(players.length)]);
                }
                List<MoneyRequest> batch = new ArrayList<>(size);
                for (long player : picked) {
                    long win = random.nextInt(100) < 70 ? 0 : 1 + random.nextInt(400);
                    batch.add(MoneyRequest.betAndWin(player, name + "-" + (sequence++), CURRENCY, STAKE, win,
                            "floor"));
                }
                long start = System.nanoTime();
                check(money.applyInOneTransaction(batch));
                long tookMicros = (System.nanoTime() - start) / 1000;
                synchronized (latencies) {
                    latencies.recordValue(Math.min(tookMicros, latencies.getHighestTrackableValue()));
                }
                done += size;
            }
            return done;
        }

        private static void check(MoneyResult[] results) {
            for (MoneyResult r : results) {
                if (!r.isOk()) {
                    throw new IllegalStateException("floor operation rejected: " + r);
                }
            }
        }
    }
}
