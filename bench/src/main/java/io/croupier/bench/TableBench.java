package io.croupier.bench;

import io.croupier.audit.AuditReport;
import io.croupier.audit.LedgerAudit;
import io.croupier.node.GridNodes;
import io.croupier.node.NodeSettings;
import io.croupier.player.Players;
import io.croupier.roulette.BetKind;
import io.croupier.roulette.BetSpec;
import io.croupier.roulette.PlaceBetsResult;
import io.croupier.roulette.RouletteTables;
import io.croupier.roulette.RoundStatus;
import io.croupier.roulette.TableConfig;
import io.croupier.roulette.TableDriverSettings;
import io.croupier.roulette.TableEvent;
import io.croupier.roulette.TableLimits;
import io.croupier.roulette.TableRound;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.ResultCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteBiPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How long a roulette round takes from its result to every bet settled, on one embedded in-memory grid node in this
 * JVM (or, with {@code --nodes 2}, on two node processes with backups), with the payout floor measured in the same
 * run: the same WIN payouts submitted straight to the money pipeline, without the table (no bet query, no bet rows,
 * no events).
 *
 * <p>Per round: {@code players} players each place one request of 1–3 random bets while the round is OPEN; the
 * driver closes the round, draws, pays and publishes. Both ends of the measurement are event times stamped by the
 * table driver on the node (ROUND_RESULT and ROUND_SETTLED), so no clocks are compared across machines.
 */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Roulette settlement latency: round result to every bet settled, with the payout floor "
                + "measured in the same run.")
final class TableBench implements Callable<Integer> {
    private static final String CURRENCY = "EUR";
    private static final String TABLE_ID = "bench-1";
    private static final long INITIAL_BALANCE = 1_000_000_000L;
    private static final long TARGET_MS = 100;
    /** Kept clear of the node defaults (47500/47100/10800) and of the wallet benchmark (47700/47800/10900). */
    private static final int DISCOVERY_PORT = 47650;
    private static final int COMMUNICATION_PORT = 47950;
    private static final int CLIENT_PORT = 10950;
    private static final long EVENT_WAIT_MS = 120_000;

    @Option(names = "--players", defaultValue = "1000",
            description = "Players at the table; each sends one request of 1-3 random bets per round.")
    int players;

    @Option(names = "--rounds", defaultValue = "10", description = "Measured rounds.")
    int rounds;

    @Option(names = "--warmup-rounds", defaultValue = "20",
            description = "Unmeasured rounds before the measured ones (the same path, about two minutes): a round's "
                    + "settlement code runs once every few seconds, so the JIT is still compiling it through the "
                    + "first dozen rounds (see the JIT ms column).")
    int warmupRounds;

    @Option(names = "--betting-window-ms", defaultValue = "5000",
            description = "Betting window of each round, in ms; every player's bets must be placed within it.")
    long bettingWindowMs;

    @Option(names = "--round-pause-ms", defaultValue = "1000",
            description = "Pause after a settled round before the next one opens, in ms (the payout floor is measured in it).")
    long roundPauseMs;

    @Option(names = "--settle-chunk-operations", defaultValue = "2000",
            description = "Payouts the table driver has in flight at once while settling; the floor uses the same chunks.")
    int settleChunkOperations;

    @Option(names = "--placing-threads", defaultValue = "16",
            description = "Threads placing the players' bets during the betting window (one blocking request each).")
    int placingThreads;

    @Option(names = "--nodes", defaultValue = "1",
            description = "1: one in-memory node embedded in this JVM, backups 0. 2: two node processes, backups 1 "
                    + "(FULL_SYNC), this JVM a client node placing the bets and listening, like an app server.")
    int nodes;

    @Option(names = "--node-heap", defaultValue = "2g", description = "Heap of each node process (--nodes 2).")
    String nodeHeap;

    @Option(names = "--node-memory-mb", defaultValue = "1024",
            description = "Off-heap memory of each node, in MiB (the embedded node's heap is bin/croupier's, -Xmx2g).")
    int nodeMemoryMb;

    @Option(names = "--root", defaultValue = ".", description = "Project root (config/slots).")
    Path root;

    @Option(names = "--workdir", defaultValue = "var/bench", description = "Scratch directory; the node works in its table/, emptied before and after.")
    Path workdir;

    /** What the listener saw of one round. Written by Ignite's message threads, read by the bench thread. */
    static final class RoundEvents {
        final CountDownLatch settled = new CountDownLatch(1);
        volatile long closesAtMs;
        volatile long resultMs = -1;
        volatile int number = -1;
        volatile long settledMs = -1;
        /** The JVM's total JIT compilation time (ms) when the result and the settlement were seen. */
        volatile long jitAtResultMs = -1;
        volatile long jitAtSettledMs = -1;
        volatile RoundStatus end;
        final AtomicInteger betsSettled = new AtomicInteger();
        final AtomicLong lastBetSettledMs = new AtomicLong(-1);
        final AtomicLong lastBetSettledSeenMs = new AtomicLong(-1);
        final ConcurrentLinkedQueue<long[]> payouts = new ConcurrentLinkedQueue<>();
    }

    /** One measured round. Times in ms; the floor in µs. */
    record RoundRow(long roundNo, int requestsPlaced, int requestsRejected, int bets, long placingMs, int players,
                    int winners, long resultToSettledMs, long resultToLastBetMs, long resultToLastBetSeenMs,
                    long floorMicros, long jitMs, String rejections) {
    }

    private final Map<Long, RoundEvents> events = new ConcurrentHashMap<>();
    private final BlockingQueue<TableEvent> opened = new LinkedBlockingQueue<>();

    @Override
    public Integer call() throws Exception {
        if (players < 1 || rounds < 1 || warmupRounds < 0 || placingThreads < 1 || nodes < 1 || nodes > 2) {
            throw new IllegalArgumentException("--players, --rounds and --placing-threads must be >= 1, "
                    + "--warmup-rounds >= 0, --nodes 1 or 2");
        }
        root = root.toAbsolutePath().normalize();
        workdir = root.resolve(workdir).normalize();
        Path dir = workdir.resolve("table");
        ServerProcesses.deleteTree(dir);
        Files.createDirectories(dir);
        System.out.printf("Machine: %d cores, %s %s; %s; %d players, %d rounds after %d warm-up, "
                        + "betting window %d ms, settle chunk %d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), nodes == 1 ? "1 embedded in-memory node"
                        : "2 in-memory node processes, backups 1 FULL_SYNC, this JVM a client node",
                players, rounds, warmupRounds, bettingWindowMs, settleChunkOperations);
        List<RoundRow> rows = new ArrayList<>();
        String audit;
        ServerProcesses servers = nodes == 1 ? null : new ServerProcesses(root, dir);
        try (servers; Ignite ignite = nodes == 1 ? GridNodes.startServer(NodeSettings.of(nodeSettings(dir)))
                : startCluster(servers, dir)) {
            GridNodes.awaitActive(ignite, 120_000);
            try (GridWalletService wallet = new GridWalletService(ignite, PipelineSettings.defaults())) {
                long[] ids = seed(ignite, wallet);
                IgniteBiPredicate<UUID, TableEvent> listener = (nodeId, event) -> {
                    record(event);
                    return true;
                };
                ignite.message().localListen(TableEvent.topic(TABLE_ID), listener);
                RouletteTables tables = new RouletteTables(ignite);
                tables.deploy(List.of(new TableConfig(TABLE_ID, "Benchmark table", CURRENCY, bettingWindowMs,
                                new TableLimits(10, 10_000, 100_000, 500_000, 50), true)),
                        new TableDriverSettings(10_000, 60_000, roundPauseMs, settleChunkOperations));
                ExecutorService placing = Executors.newFixedThreadPool(placingThreads);
                System.out.println(ROUND_HEADER);
                System.out.println("(times from the round's result; floor: the same WIN payouts without the table; "
                        + "JIT ms: time the JIT compilers spent from result to settled; w = warm-up, not counted)");
                try {
                    for (int i = 0; i < warmupRounds + rounds; i++) {
                        boolean measured = i >= warmupRounds;
                        RoundRow row = playRound(ignite, tables, wallet, placing, ids);
                        System.out.println(format(row, measured));
                        if (measured) {
                            rows.add(row);
                        }
                    }
                } finally {
                    placing.shutdownNow();
                    ignite.message().stopLocalListen(TableEvent.topic(TABLE_ID), listener);
                }
                AuditReport report = LedgerAudit.run(ignite);
                audit = report.isClean() ? "audit ok" : "AUDIT FAILED";
                if (!report.isClean()) {
                    System.out.print(report.describe());
                }
            }
        }
        ServerProcesses.deleteTree(dir);
        printSummary(rows, audit);
        return 0;
    }

    /** Two server processes with backups 1; returns this JVM's client node once both have joined. */
    private Ignite startCluster(ServerProcesses servers, Path dir) throws Exception {
        Map<String, String> s = nodeSettings(dir);
        s.put("croupier.cache.backups", "1");
        s.put("croupier.cluster.initialNodes", "2");
        s.put("croupier.discovery.addresses", "127.0.0.1:" + DISCOVERY_PORT + ".." + (DISCOVERY_PORT + 3));
        s.put("croupier.discovery.portRange", "3");
        s.put("croupier.communication.portRange", "3");
        s.put("croupier.client.portRange", "3");
        for (int i = 0; i < 2; i++) {
            Map<String, String> node = new HashMap<>(s);
            node.put("croupier.node.name", "bench-table-" + i);
            servers.start(i, nodeHeap, List.of(), node);
        }
        Map<String, String> client = new HashMap<>(s);
        client.put("croupier.node.name", "bench-table-client");
        Ignite ignite = GridNodes.startClient(NodeSettings.of(client));
        ServerProcesses.awaitServers(ignite, 2);
        return ignite;
    }

    private Map<String, String> nodeSettings(Path dir) {
        Map<String, String> s = new HashMap<>();
        s.put("croupier.node.name", "bench-table");
        s.put("croupier.node.workDirectory", dir.toString());
        s.put("croupier.persistence.enabled", "false");
        s.put("croupier.cache.backups", "0");
        s.put("croupier.memory.maxSizeMb", String.valueOf(nodeMemoryMb));
        // Only itself, on exactly these ports: a clash fails at start instead of joining another cluster.
        s.put("croupier.discovery.addresses", "127.0.0.1:" + DISCOVERY_PORT);
        s.put("croupier.discovery.port", String.valueOf(DISCOVERY_PORT));
        s.put("croupier.discovery.portRange", "0");
        s.put("croupier.communication.port", String.valueOf(COMMUNICATION_PORT));
        s.put("croupier.communication.portRange", "0");
        s.put("croupier.client.port", String.valueOf(CLIENT_PORT));
        s.put("croupier.client.portRange", "0");
        s.put("croupier.games.slotsDirectory", root.resolve("config/slots").toString());
        // No tables from config/: the benchmark's table is the only one driven on this node.
        s.put("croupier.games.tablesFile", dir.resolve("no-tables.json").toString());
        return s;
    }

    private long[] seed(Ignite ignite, GridWalletService wallet) throws Exception {
        long t0 = System.nanoTime();
        long[] ids = new Players(ignite, Clock.systemUTC()).openMany("table-", players, CURRENCY);
        List<CompletableFuture<MoneyResult>> deposits = new ArrayList<>(players);
        for (long id : ids) {
            deposits.add(wallet.submit(MoneyRequest.deposit(id, "seed", CURRENCY, INITIAL_BALANCE, "tok_bench")));
        }
        for (CompletableFuture<MoneyResult> d : deposits) {
            if (!d.get().isOk()) {
                throw new IllegalStateException("seed deposit failed: " + d.get());
            }
        }
        System.out.printf("   seeded %d players in %.1f s%n", players, (System.nanoTime() - t0) / 1e9);
        return ids;
    }

    /** Called on Ignite's message threads: only records. */
    private void record(TableEvent e) {
        long seenMs = System.currentTimeMillis();
        RoundEvents r = events.computeIfAbsent(e.roundNo(), n -> new RoundEvents());
        switch (e.type()) {
            case ROUND_OPENED -> {
                r.closesAtMs = e.timeMs();
                opened.add(e);
            }
            case ROUND_RESULT -> {
                r.number = e.number();
                r.resultMs = e.timeMs();
                r.jitAtResultMs = jitMs();
            }
            case BETS_SETTLED -> {
                for (TableEvent.PlayerSettlement s : e.settlements()) {
                    r.betsSettled.incrementAndGet();
                    if (s.returned() > 0) {
                        r.payouts.add(new long[] {s.playerId(), s.returned()});
                    }
                }
                r.lastBetSettledMs.accumulateAndGet(e.timeMs(), Math::max);
                r.lastBetSettledSeenMs.accumulateAndGet(seenMs, Math::max);
            }
            case ROUND_SETTLED, ROUND_REFUNDED -> {
                r.settledMs = e.timeMs();
                r.jitAtSettledMs = jitMs();
                r.end = e.type() == TableEvent.Type.ROUND_SETTLED ? RoundStatus.SETTLED : RoundStatus.REFUNDED;
                r.settled.countDown();
            }
            default -> {
                // ROUND_CLOSED, BET_PLACED: not measured
            }
        }
    }

    /**
     * One round: wait for it to open, place every player's bets, wait until it is settled and every player's
     * settlement (BETS_SETTLED) has arrived, then — in the pause before the next round — pay the same winners the same
     * amounts straight through the money pipeline (the floor).
     */
    private RoundRow playRound(Ignite ignite, RouletteTables tables, GridWalletService wallet, ExecutorService placing,
                               long[] ids) throws Exception {
        TableEvent open = opened.poll(bettingWindowMs + roundPauseMs + EVENT_WAIT_MS, TimeUnit.MILLISECONDS);
        if (open == null) {
            throw new IllegalStateException("no round opened at table " + TABLE_ID);
        }
        long roundNo = open.roundNo();
        long t0 = System.nanoTime();
        List<Future<PlaceBetsResult>> requests = new ArrayList<>(ids.length);
        AtomicInteger bets = new AtomicInteger();
        for (long player : ids) {
            requests.add(placing.submit(() -> {
                List<BetSpec> spec = randomBets(ThreadLocalRandom.current());
                PlaceBetsResult result = tables.placeBets(player, TABLE_ID, roundNo, spec,
                        "bench:" + roundNo + ":" + player);
                if (result.isOk()) {
                    bets.addAndGet(spec.size());
                }
                return result;
            }));
        }
        int placed = 0;
        Map<ResultCode, Integer> rejected = new EnumMap<>(ResultCode.class);
        for (Future<PlaceBetsResult> f : requests) {
            PlaceBetsResult result = f.get();
            if (result.isOk()) {
                placed++;
            } else {
                rejected.merge(result.code(), 1, Integer::sum);
            }
        }
        long placingMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        RoundEvents r = events.computeIfAbsent(roundNo, n -> new RoundEvents());
        if (!r.settled.await(bettingWindowMs + EVENT_WAIT_MS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("round " + roundNo + " not settled two minutes after its window");
        }
        if (r.end != RoundStatus.SETTLED) {
            throw new IllegalStateException("round " + roundNo + " ended " + r.end + " (see the log above)");
        }
        // Each betting player gets one settlement in a BETS_SETTLED; it may arrive after ROUND_SETTLED.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (r.betsSettled.get() < placed && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (r.betsSettled.get() < placed) {
            System.out.printf("   round %d: only %d of %d player settlements arrived within 10 s; →last bet times "
                    + "cover those%n", roundNo, r.betsSettled.get(), placed);
        }
        TableRound round = tables.round(TABLE_ID, roundNo);
        if (round.betCount() != bets.get()) {
            throw new IllegalStateException("round " + roundNo + " settled " + round.betCount() + " bets, "
                    + bets.get() + " were accepted");
        }
        long floorMicros = payoutFloor(wallet, roundNo, new ArrayList<>(r.payouts));
        String rejections = rejected.isEmpty() ? "" : rejected.toString();
        return new RoundRow(roundNo, placed, ids.length - placed, bets.get(), placingMs, r.betsSettled.get(),
                r.payouts.size(), r.settledMs - r.resultMs, r.lastBetSettledMs.get() - r.resultMs,
                r.lastBetSettledSeenMs.get() - r.resultMs, floorMicros,
                Math.max(0, r.jitAtSettledMs - r.jitAtResultMs), rejections);
    }

    /** 1–3 bets of 10..1000: straight-up numbers and the outside bets (colour, parity, halves, dozens, columns). */
    private static List<BetSpec> randomBets(ThreadLocalRandom random) {
        int count = 1 + random.nextInt(3);
        List<BetSpec> bets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long stake = 10L * (1 + random.nextInt(100));
            BetSpec bet = switch (random.nextInt(6)) {
                case 0 -> new BetSpec(BetKind.STRAIGHT.name(), new int[] {random.nextInt(37)}, stake);
                case 1 -> new BetSpec((random.nextBoolean() ? BetKind.RED : BetKind.BLACK).name(), null, stake);
                case 2 -> new BetSpec((random.nextBoolean() ? BetKind.ODD : BetKind.EVEN).name(), null, stake);
                case 3 -> new BetSpec((random.nextBoolean() ? BetKind.LOW : BetKind.HIGH).name(), null, stake);
                case 4 -> new BetSpec(BetKind.DOZEN.name(), new int[] {1 + random.nextInt(3)}, stake);
                default -> new BetSpec(BetKind.COLUMN.name(), new int[] {1 + random.nextInt(3)}, stake);
            };
            bets.add(bet);
        }
        return bets;
    }

    /**
     * The same WINs the driver just paid (same players, same amounts), submitted in the driver's chunk size and
     * waited for: what settlement would cost if it were nothing but the payouts. In µs.
     */
    private long payoutFloor(GridWalletService wallet, long roundNo, List<long[]> payouts) {
        long t0 = System.nanoTime();
        for (int from = 0; from < payouts.size(); from += settleChunkOperations) {
            List<long[]> chunk = payouts.subList(from, Math.min(payouts.size(), from + settleChunkOperations));
            List<CompletableFuture<MoneyResult>> futures = new ArrayList<>(chunk.size());
            for (long[] p : chunk) {
                futures.add(wallet.submit(MoneyRequest.win(p[0], "floor:" + TABLE_ID + ":" + roundNo, CURRENCY, p[1],
                        "floor:" + TABLE_ID + ":" + roundNo)));
            }
            for (CompletableFuture<MoneyResult> f : futures) {
                MoneyResult result = f.join();
                if (!result.isOk()) {
                    throw new IllegalStateException("floor payout rejected: " + result);
                }
            }
        }
        return TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0);
    }

    private static final String ROUND_HEADER = String.format(Locale.ROOT, "%n%-8s %9s %6s %11s %8s  %12s %13s %13s %9s %7s  %s",
            "round", "requests", "bets", "placing ms", "winners", "→settled ms", "→last bet ms", "→last seen ms",
            "floor ms", "JIT ms", "rejected");

    private static String format(RoundRow r, boolean measured) {
        return String.format(Locale.ROOT, "%-8s %9d %6d %11d %8d  %12d %13d %13d %9.1f %7d  %s", r.roundNo() + (measured ? "" : " w"),
                r.requestsPlaced(), r.bets(), r.placingMs(), r.winners(), r.resultToSettledMs(),
                r.resultToLastBetMs(), r.resultToLastBetSeenMs(), r.floorMicros() / 1000.0, r.jitMs(),
                r.requestsRejected() == 0 ? "0" : r.requestsRejected() + " " + r.rejections());
    }

    private void printSummary(List<RoundRow> rows, String audit) {
        Histogram settled = histogram();
        Histogram lastBet = histogram();
        Histogram lastBetSeen = histogram();
        Histogram floor = histogram();
        long bets = 0;
        long winners = 0;
        long placed = 0;
        long rejected = 0;
        for (RoundRow r : rows) {
            settled.recordValue(Math.max(0, r.resultToSettledMs()) * 1000);
            lastBet.recordValue(Math.max(0, r.resultToLastBetMs()) * 1000);
            lastBetSeen.recordValue(Math.max(0, r.resultToLastBetSeenMs()) * 1000);
            floor.recordValue(r.floorMicros());
            bets += r.bets();
            winners += r.winners();
            placed += r.requestsPlaced();
            rejected += r.requestsRejected();
        }
        int n = rows.size();
        System.out.printf(Locale.ROOT, "%n%d measured rounds: %.0f bets/round from %.0f players (%d requests rejected "
                + "in all), %.0f winners/round; %s%n", n, bets / (double) n, placed / (double) n, rejected,
                winners / (double) n, audit);
        System.out.printf("%n%-52s %9s %9s %9s%n", "over rounds", "p50 ms", "p99 ms", "max ms");
        printRow("result → every bet settled (ROUND_SETTLED)", settled);
        printRow("result → players' settlements (BETS_SETTLED), stamped", lastBet);
        printRow("result → players' settlements, seen by a listener", lastBetSeen);
        printRow("payout floor: the same WINs, no table", floor);
        System.out.println("(result and settled times are both stamped by the table driver on the node, ms resolution; "
                + (nodes == 1 ? "the floor is timed by this JVM on the same node)"
                : "the floor is timed by this client JVM against the same nodes; JIT ms is this JVM's, not the nodes')"));
        long worstMs = settled.getMaxValue() / 1000;
        System.out.printf(Locale.ROOT, "%nTarget: result → every bet settled <= %d ms in every round (worst %d ms, "
                + "floor %.1f ms)  %s%n", TARGET_MS, worstMs, floor.getMaxValue() / 1000.0,
                worstMs <= TARGET_MS ? "MET" : "NOT MET");
    }

    private static void printRow(String label, Histogram h) {
        System.out.printf(Locale.ROOT, "%-52s %9.1f %9.1f %9.1f%n", label, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    /** Time the JIT compilers have spent so far, in ms (-1 when the JVM does not say). */
    private static long jitMs() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }
}
