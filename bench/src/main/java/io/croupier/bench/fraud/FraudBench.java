package io.croupier.bench.fraud;

import io.croupier.bench.ServerProcesses;
import io.croupier.bench.edge.AppServerChild;
import io.croupier.bench.edge.Clients;
import io.croupier.bench.edge.EdgeBench;
import io.croupier.bench.edge.Latencies;
import io.croupier.fraud.detect.RiskSettingStore;
import io.croupier.node.GridNodes;
import io.croupier.node.NodeSettings;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.PipelineSettings;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Detection quality of the near-real-time fraud and AML rules, measured on synthetic fraud played through the real
 * platform: grid server node process(es), an app server process (client node) with fast roulette tables, a population
 * of ordinary players plus injected fraudsters of each kind (ground truth), the alerts collected from FRAUD_ALERT with
 * a continuous query; per kind precision, recall and detection latency (CREATED_AT − EVENT_AT) against the targets.
 */
@Command(name = "fraud", mixinStandardHelpOptions = true,
        description = "Fraud detection quality: ordinary players plus injected fraudsters of each kind played through "
                + "the real platform; per kind precision, recall and detection latency against the targets.")
public final class FraudBench implements Callable<Integer> {
    /** Kept clear of the node defaults and of the other benchmarks (476xx-479xx, 48350/48450, 109xx-10970). */
    private static final int DISCOVERY_PORT = 48600;
    private static final int COMMUNICATION_PORT = 48700;
    private static final int CLIENT_PORT = 10980;
    private static final List<String> TABLES = List.of("sim-1", "sim-2");

    @Option(names = "--ordinary", defaultValue = "300", description = "Ordinary players.")
    int ordinary;

    @Option(names = "--per-kind", defaultValue = "12",
            description = "Fraudsters of each kind (multi-account rings and colluding pairs: whole rings and pairs).")
    int perKind;

    @Option(names = "--ring-size", defaultValue = "3", description = "Accounts a multi-accounter opens on one device.")
    int ringSize;

    @Option(names = "--collusion-rounds", defaultValue = "12", description = "Rounds a colluding pair plays together.")
    int collusionRounds;

    @Option(names = "--abuser-rounds", defaultValue = "300",
            description = "Third-party rounds (BET_AND_WIN) a win-rate abuser plays.")
    int abuserRounds;

    @Option(names = "--reporting-threshold-minor", defaultValue = "1000000",
            description = "The significant-transaction threshold structurers stay under and large transactions reach, "
                    + "in minor units (1000000 = 10,000.00 EUR).")
    long reportingThresholdMinor;

    @Option(names = "--household-share", defaultValue = "0.15",
            description = "Share of ordinary players living in a household of 2-4 behind one address (0..1).")
    double householdShare;

    @Option(names = "--ramp-seconds", defaultValue = "60", description = "Players start spread over this many seconds.")
    int rampSeconds;

    @Option(names = "--grace-seconds", defaultValue = "30",
            description = "Wait after the last player finished for late alerts (e.g. a periodic sweep).")
    int graceSeconds;

    @Option(names = "--seed", defaultValue = "20261129", description = "Random seed of the population and its choices.")
    long seed;

    @Option(names = "--risk-set", description = "NAME=VALUE: set a detection threshold in RISK_SETTING before play, "
            + "as an operator would with admin risk-set (repeatable).")
    Map<String, BigDecimal> riskSettings = new LinkedHashMap<>();

    @Option(names = "--node-set", description = "KEY=VALUE: a grid node setting (config/croupier-node.properties) for "
            + "the server nodes and both client nodes, e.g. a detector's period (repeatable).")
    Map<String, String> nodeOverrides = new LinkedHashMap<>();

    @Option(names = "--nodes", defaultValue = "1", description = "Grid server node processes (backups=1 when >= 2).")
    int nodes;

    @Option(names = "--node-heap", defaultValue = "1g", description = "Heap of each grid server node.")
    String nodeHeap;

    @Option(names = "--server-heap", defaultValue = "1g", description = "Heap of the app server.")
    String serverHeap;

    @Option(names = "--betting-window-ms", defaultValue = "1500", description = "Betting window of the fast tables.")
    long bettingWindowMs;

    @Option(names = "--round-pause-ms", defaultValue = "500", description = "Pause between the tables' rounds.")
    long roundPauseMs;

    @Option(names = "--client-threads", defaultValue = "2", description = "Threads of the WebSocket client's executor.")
    int clientThreads;

    @Option(names = "--request-timeout-ms", defaultValue = "15000", description = "A request unanswered this long fails.")
    long requestTimeoutMs;

    @Option(names = "--run-timeout-seconds", defaultValue = "900", description = "Give up waiting for the players after this.")
    int runTimeoutSeconds;

    @Option(names = "--root", defaultValue = ".", description = "Project root (app-server/target, config/).")
    Path root;

    @Option(names = "--workdir", defaultValue = "var/bench", description = "Scratch directory; the run uses its fraud/.")
    Path workdir;

    @Override
    public Integer call() throws Exception {
        if (ordinary < 0 || perKind < 0 || nodes < 1 || rampSeconds < 0 || graceSeconds < 0 || clientThreads < 1) {
            throw new IllegalArgumentException("--ordinary, --per-kind, --ramp-seconds, --grace-seconds >= 0; "
                    + "--nodes, --client-threads >= 1");
        }
        String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        List<Plan> plans = Population.draw(new Population.Settings(ordinary, perKind, ringSize, collusionRounds,
                abuserRounds, reportingThresholdMinor, householdShare, TimeUnit.SECONDS.toMillis(rampSeconds),
                TABLES, seed, run));
        root = root.toAbsolutePath().normalize();
        Path dir = root.resolve(workdir).normalize().resolve("fraud");
        ServerProcesses.deleteTree(dir);
        Files.createDirectories(dir);
        Map<String, String> settings = gridSettings(dir);
        String loadBefore = EdgeBench.loadAverage();
        System.out.printf(Locale.ROOT, "Machine: %d cores, %s %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), loadBefore);
        System.out.print(describe(plans));
        System.out.print(scenario());
        if (!nodeOverrides.isEmpty()) {
            System.out.println("Node settings set by this run: " + nodeOverrides);
        }
        ExecutorService executor = Clients.executor(clientThreads);
        ScheduledExecutorService timer = Clients.timer();
        HttpClient http = Clients.http(executor);
        Scoring.Result result;
        Simulation simulation;
        Latencies latencies = new Latencies();
        double playSeconds;
        try (ServerProcesses servers = new ServerProcesses(root, dir)) {
            for (int i = 0; i < nodes; i++) {
                servers.start(i, nodeHeap, List.of(), settings);
            }
            Map<String, String> client = new HashMap<>(settings);
            client.put("croupier.node.name", "bench-fraud");
            try (Ignite grid = GridNodes.startClient(NodeSettings.of(client))) {
                ServerProcesses.awaitServers(grid, nodes);
                GridNodes.awaitActive(grid, 120_000);
                setRisk(grid);
                try (AlertCollector alerts = new AlertCollector(grid);
                     GridWalletService wallet = new GridWalletService(grid, PipelineSettings.defaults());
                     AppServerChild app = AppServerChild.start(root, dir.resolve("app"),
                             AppServerChild.jvmOptions(serverHeap), settings,
                             appSettings(), false)) {
                    long t0 = System.nanoTime();
                    app.awaitReady(http, 180_000);
                    System.out.printf(Locale.ROOT, "App server up on port %d in %.1f s (pid %d, log %s)%n", app.port(),
                            (System.nanoTime() - t0) / 1e9, app.pid(), app.log());
                    simulation = new Simulation(http, app.uri("ws", "/ws"), timer, wallet, latencies,
                            requestTimeoutMs, bettingWindowMs + roundPauseMs + 2_000, seed);
                    long playStart = System.nanoTime();
                    CompletableFuture<Void> all = simulation.start(plans);
                    while (!all.isDone()) {
                        try {
                            all.get(10, TimeUnit.SECONDS);
                        } catch (java.util.concurrent.TimeoutException stillPlaying) {
                            app.requireAlive();
                            System.out.printf(Locale.ROOT, "   %3.0f s: %d of %d players finished, %d alerts%n",
                                    (System.nanoTime() - playStart) / 1e9, simulation.finished(), plans.size(),
                                    alerts.size());
                            if (System.nanoTime() - playStart > TimeUnit.SECONDS.toNanos(runTimeoutSeconds)) {
                                System.out.println("   run timeout: scoring the players as they are");
                                break;
                            }
                        }
                    }
                    playSeconds = (System.nanoTime() - playStart) / 1e9;
                    long graceEndMs = Math.max(simulation.lastEventMs(), System.currentTimeMillis() - 1_000)
                            + TimeUnit.SECONDS.toMillis(graceSeconds);
                    System.out.printf(Locale.ROOT, "Played in %.0f s; waiting until %d s after the last event for late "
                            + "alerts...%n", playSeconds, graceSeconds);
                    Thread.sleep(Math.max(0, graceEndMs - System.currentTimeMillis()));
                    result = score(simulation, alerts.alerts());
                    // Read at the end: the nodes write their defaults once the cluster is active, which a fresh
                    // cluster may report before they have.
                    System.out.print(riskSettingTable(grid));
                    System.out.println(sessionCheck(grid, simulation.players()));
                    System.out.println(EdgeBench.pauses(app.log()));
                }
            }
        } finally {
            timer.shutdownNow();
            executor.shutdownNow();
        }
        ServerProcesses.deleteTree(dir);
        print(plans, simulation, latencies, playSeconds, result, loadBefore);
        return 0;
    }

    private Map<String, String> gridSettings(Path dir) throws java.io.IOException {
        Path tables = dir.resolve("tables.json");
        StringBuilder json = new StringBuilder("{\"tables\": [");
        for (int i = 0; i < TABLES.size(); i++) {
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"id\": \"%s\", \"name\": \"Simulator "
                    + "table %d\", \"currency\": \"EUR\", \"bettingWindowMs\": %d, \"minStake\": 10, "
                    + "\"maxStraightStake\": 10000, \"maxOutsideStake\": 100000, \"maxTotalStake\": 500000, "
                    + "\"maxBetsPerRequest\": 50}", TABLES.get(i), i + 1, bettingWindowMs));
        }
        Files.writeString(tables, json.append("]}").toString());
        Map<String, String> s = new LinkedHashMap<>();
        s.put("croupier.node.workDirectory", dir.resolve("grid").toString());
        s.put("croupier.discovery.addresses", "127.0.0.1:" + DISCOVERY_PORT + ".." + (DISCOVERY_PORT + 9));
        s.put("croupier.discovery.port", String.valueOf(DISCOVERY_PORT));
        s.put("croupier.communication.port", String.valueOf(COMMUNICATION_PORT));
        s.put("croupier.client.port", String.valueOf(CLIENT_PORT));
        s.put("croupier.metrics.port", "0");
        s.put("croupier.persistence.enabled", "false");
        s.put("croupier.cache.backups", nodes > 1 ? "1" : "0");
        s.put("croupier.cluster.initialNodes", String.valueOf(nodes));
        s.put("croupier.memory.maxSizeMb", "2048");
        // Absolute, so every process finds them whatever its working directory.
        s.put("croupier.games.slotsDirectory", root.resolve("config/slots").toString());
        s.put("croupier.games.tablesFile", tables.toString());
        s.put("croupier.tables.roundPauseMs", String.valueOf(roundPauseMs));
        s.putAll(nodeOverrides);
        return s;
    }

    private static Map<String, String> appSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("croupier.app.demo.enabled", "false");
        // Registration is not what is measured; cost 4 keeps hundreds of sign-ups cheap on two cores.
        s.put("croupier.app.ws.bcrypt-cost", "4");
        s.put("croupier.app.ws.echo-path", "");
        return s;
    }

    private void setRisk(Ignite grid) {
        RiskSettingStore store = new RiskSettingStore(grid, Clock.systemUTC());
        riskSettings.forEach((name, value) -> {
            BigDecimal before = store.set(name, value, "bench-fraud");
            System.out.printf(Locale.ROOT, "RISK_SETTING %s = %s (was %s), set by this run%n", name,
                    value.toPlainString(), before == null ? "unset" : before.toPlainString());
        });
    }

    /** The thresholds in force as the rules will read them (RISK_SETTING), or a note that there are none. */
    static String riskSettingTable(Ignite grid) {
        List<List<?>> rows = grid.cache(CacheSchema.RISK_SETTING).query(new SqlFieldsQuery(
                "SELECT NAME, THRESHOLD, UPDATED_BY FROM " + CacheSchema.SQL_SCHEMA + ".RISK_SETTING ORDER BY NAME"))
                .getAll();
        if (rows.isEmpty()) {
            return "RISK_SETTING: no rows (no detection rule on these nodes has written its defaults)\n";
        }
        StringBuilder out = new StringBuilder("RISK_SETTING at the end of the run (the thresholds the rules read):\n");
        for (List<?> r : rows) {
            Object v = r.get(1);
            out.append(String.format(Locale.ROOT, "   %-36s %20s  (%s)%n", r.get(0),
                    v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v, r.get(2)));
        }
        return out.toString();
    }

    /**
     * Whether the edge recorded each session's address and device as the simulated client sent them (the links
     * rules read them from SESSION): the ground truth about shared devices and households is only as good as this.
     */
    static String sessionCheck(Ignite grid, Map<Long, Plan> players) {
        List<List<?>> rows = grid.cache(CacheSchema.SESSION).query(new SqlFieldsQuery("SELECT PLAYER_ID, "
                + "REMOTE_ADDRESS, DEVICE_FINGERPRINT FROM " + CacheSchema.SQL_SCHEMA + ".SESSION")).getAll();
        int matching = 0;
        int total = 0;
        for (List<?> r : rows) {
            Plan plan = players.get(((Number) r.get(0)).longValue());
            if (plan == null) {
                continue;
            }
            total++;
            String recorded = (String) r.get(2);
            boolean device = sameDevice(plan.device(), recorded) || plan.steps().stream().anyMatch(
                    st -> st instanceof Plan.Relogin relogin && sameDevice(relogin.device(), recorded));
            if (device && plan.address().equals(r.get(1))) {
                matching++;
            }
        }
        return String.format(Locale.ROOT, "Sessions recorded with the address and device the client sent: %d of %d",
                matching, total);
    }

    /** The edge may keep the fingerprint as sent or only its SHA-256 (hex), so a session row never holds the original. */
    static boolean sameDevice(String sent, String recorded) {
        if (recorded == null) {
            return false;
        }
        if (recorded.equals(sent)) {
            return true;
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash).equalsIgnoreCase(recorded);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static Scoring.Result score(Simulation simulation, List<Alert> alerts) {
        Map<Long, FraudKind> fraudsters = new HashMap<>();
        simulation.players().forEach((id, plan) -> {
            if (plan.kind() != null) {
                fraudsters.put(id, plan.kind());
            }
        });
        return Scoring.score(Set.copyOf(simulation.players().keySet()), fraudsters, alerts);
    }

    private static String describe(List<Plan> plans) {
        Map<FraudKind, Integer> kinds = new EnumMap<>(FraudKind.class);
        int ordinary = 0;
        for (Plan p : plans) {
            if (p.kind() == null) {
                ordinary++;
            } else {
                kinds.merge(p.kind(), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        kinds.forEach((k, n) -> parts.add(n + " " + k.label()));
        return String.format(Locale.ROOT, "Population: %d ordinary players; fraudsters: %s%n"
                        + "Provider games (BET_AND_WIN channel): %s returns %.1f %% on average, %s %.1f %%%n", ordinary,
                String.join(", ", parts), ProviderGame.FAIR.id(), ProviderGame.FAIR.meanReturn() * 100,
                ProviderGame.ABUSED.id(), ProviderGame.ABUSED.meanReturn() * 100);
    }

    private String scenario() {
        return String.format(Locale.ROOT, "Scenario: reporting threshold %,d minor units (structurers deposit 91-99 %% "
                        + "of it, large transactions 105-300 %%); rings of %d accounts per device; pairs bet opposite "
                        + "sides for %d rounds; abusers play %d provider rounds; households %.0f %% of ordinary players; "
                        + "tables: %d ms betting window, %d ms pause%n", reportingThresholdMinor, ringSize,
                collusionRounds, abuserRounds, householdShare * 100, bettingWindowMs, roundPauseMs);
    }

    private void print(List<Plan> plans, Simulation simulation, Latencies latencies, double playSeconds,
                       Scoring.Result result, String loadBefore) {
        System.out.printf(Locale.ROOT, "%nRequests over %.0f s (latency: sent → answered)%n", playSeconds);
        System.out.print(Latencies.table("request", latencies.rows(playSeconds, n -> true)));
        Map<String, Long> errors = latencies.errors();
        if (!errors.isEmpty()) {
            System.out.println("Failed requests: " + errors);
        }
        System.out.printf("%nRefused by the platform, by true kind (alert actions show here: RISK_HELD, RISK_BLOCKED)%n");
        Map<String, Long> refusals = simulation.refusals();
        if (refusals.isEmpty()) {
            System.out.println("   none");
        }
        refusals.forEach((k, v) -> System.out.printf(Locale.ROOT, "   %-60s %,d%n", k, v));
        System.out.printf("%nAlerts by rule and the true kind of the players they flagged%n");
        System.out.print(DetectionTable.matrix(result));
        Map<Long, Plan> players = simulation.players();
        result.falsePositives().forEach((row, ids) -> {
            System.out.printf(Locale.ROOT, "False positives of %s (%d; at most 10 shown):%n", row, ids.size());
            ids.stream().limit(10).forEach(id -> {
                Plan p = players.get(id);
                System.out.printf(Locale.ROOT, "   player %d %s (%s, from %s): %s%n", id, p.username(),
                        p.kind() == null ? "ordinary" : p.kind().label(), p.address(), p.describe());
            });
        });
        System.out.printf(Locale.ROOT, "%nFraud detection, one run (seed %d; %d of %d players registered; "
                        + "%d s grace; load average before %s, after %s)%n%n", seed, simulation.players().size(),
                plans.size(), graceSeconds, loadBefore, EdgeBench.loadAverage());
        System.out.print(DetectionTable.markdown(result));
    }
}
