package io.croupier.node;

import io.croupier.schema.CacheSchema;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;

/**
 * Real Ignite nodes in this JVM on loopback. Each grid gets its own port block (discovery, communication, client)
 * with explicit ranges, so two grids never merge and a port clash fails fast.
 */
final class TestGrid implements AutoCloseable {
    private static final int BLOCKS = 40;
    private static final int PORTS_PER_NODE_TYPE = 10;
    /**
     * Port blocks below the kernel's ephemeral range (32768+): an outgoing connection of any process on the host takes
     * an ephemeral port and holds it in TIME_WAIT for a minute after closing, so under heavy connection churn (a load
     * test next door) blocks inside that range were found busy and no test grid could start.
     */
    private static final int DISCOVERY_BASE = 21_000;
    private static final int COMMUNICATION_BASE = 22_000;
    private static final int CLIENT_BASE = 23_000;
    /**
     * For tests that hammer a few wallets from many threads to prove concurrency invariants: no person stakes that
     * fast, and the per-player stake velocity limit would refuse most of the load.
     */
    static final Map<String, String> NO_STAKE_VELOCITY_LIMIT = Map.of(
            "croupier.risk.stakesPerSecondMax", "1000000", "croupier.risk.stakesPerMinuteMax", "60000000");
    /** The near-real-time fraud detector, as production runs it (off in test grids by default). */
    static final Map<String, String> DETECTION = Map.of("croupier.detect.enabled", "true");
    private static final AtomicInteger BLOCK = new AtomicInteger((int) (ProcessHandle.current().pid() % 20));

    private final int discoveryBase;
    private final int communicationBase;
    private final int clientBase;
    private final Path workDirectory;
    private final Map<String, String> extra;
    private final List<Ignite> nodes = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private int started;

    TestGrid(Map<String, String> extra) throws IOException {
        int block = freeBlock();
        this.discoveryBase = DISCOVERY_BASE + block * 20;
        this.communicationBase = COMMUNICATION_BASE + block * 20;
        this.clientBase = CLIENT_BASE + block * 20;
        this.workDirectory = Files.createTempDirectory("croupier-grid-");
        this.extra = extra;
    }

    static TestGrid inMemory() throws IOException {
        return new TestGrid(Map.of());
    }

    /**
     * Persistent server nodes sharing one temporary work directory (Ignite gives each node its own folder in it and
     * a restarted node takes its folder back). WAL segments and memory are kept small: a test writes little.
     */
    static TestGrid persistent(int initialNodes) throws IOException {
        return new TestGrid(Map.of(
                "croupier.persistence.enabled", "true",
                "croupier.persistence.walSegmentSizeMb", "4",
                "croupier.memory.maxSizeMb", "256",
                "croupier.cluster.initialNodes", String.valueOf(initialNodes)));
    }

    /**
     * Another test JVM (a colleague's build on the same host) may be using a block: skip blocks whose first ports
     * are taken, so two grids do not merge. A race with a JVM binding right after the check is still possible.
     */
    private static int freeBlock() {
        for (int attempt = 0; attempt < BLOCKS; attempt++) {
            int block = BLOCK.getAndIncrement() % BLOCKS;
            if (portsFree(DISCOVERY_BASE + block * 20) && portsFree(COMMUNICATION_BASE + block * 20) && portsFree(CLIENT_BASE + block * 20)) {
                return block;
            }
        }
        throw new IllegalStateException("No free port block for a test grid");
    }

    private static boolean portsFree(int base) {
        for (int port = base; port < base + PORTS_PER_NODE_TYPE; port++) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException busy) {
                return false;
            }
        }
        return true;
    }

    NodeSettings settings(int index, boolean client) {
        return NodeSettings.of(settingsMap(index, client));
    }

    private Map<String, String> settingsMap(int index, boolean client) {
        Map<String, String> s = new HashMap<>();
        s.put("croupier.node.name", (client ? "client-" : "server-") + index + "-" + discoveryBase);
        s.put("croupier.node.workDirectory", workDirectory.toString());
        s.put("croupier.discovery.addresses", "127.0.0.1:" + discoveryBase + ".." + (discoveryBase + 9));
        s.put("croupier.discovery.port", String.valueOf(discoveryBase));
        s.put("croupier.communication.port", String.valueOf(communicationBase));
        s.put("croupier.client.port", String.valueOf(clientBase));
        s.put("croupier.persistence.enabled", "false");
        s.put("croupier.memory.maxSizeMb", "512");
        s.put("croupier.cache.partitions", "64");
        s.put("croupier.failureDetectionTimeoutMs", "3000");
        // Off unless a test asks: test grids must not take a running node's metrics port.
        s.put("croupier.metrics.port", "0");
        // Fixtures fund and hammer a few wallets with many deposits a day; ResponsibleGamblingTest sets the real limit.
        s.put("croupier.risk.depositsPerDayMax", "1000000");
        // Off unless a test asks (DETECTION): money tests deposit and withdraw with no play in between, which the
        // AML rules rightly hold.
        s.put("croupier.detect.enabled", "false");
        s.putAll(extra);
        return s;
    }

    Ignite startServer() {
        Ignite ignite = GridNodes.startServer(settings(started++, false));
        nodes.add(ignite);
        return ignite;
    }

    Ignite startClient() {
        Ignite ignite = GridNodes.startClient(settings(started++, true));
        nodes.add(ignite);
        return ignite;
    }

    List<Ignite> nodes() {
        return nodes;
    }

    /** Thin client / JDBC port of the first server node started (later servers take the next ports of the range). */
    int clientPort() {
        return clientBase;
    }

    /** Kills a node abruptly: no graceful hand-over of its jobs or transactions. */
    void kill(Ignite node) {
        nodes.remove(node);
        Ignition.stop(node.name(), true);
    }

    /**
     * Starts a server node in its own JVM ({@code croupier node}, as in production), so a test can kill it with
     * SIGKILL: no goodbye, no finished writes, the others learn of it only by failure detection. Its output goes to
     * target/. Returns once the node is up (it printed its start line).
     */
    Process startServerProcess() throws IOException {
        int index = started++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The same --add-opens and -D flags this JVM got from the build (config/jvm.opts).
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-D")).forEach(command::add);
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(CroupierCli.class.getName());
        command.add("node");
        settingsMap(index, false).forEach((k, v) -> {
            command.add("--set");
            command.add(k + "=" + v);
        });
        Path log = Path.of("target", "server-process-" + index + "-" + discoveryBase + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        await(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("server process exited with " + process.exitValue() + "; see " + log);
            }
            try {
                return Files.readString(log).contains("Croupier grid node");
            } catch (IOException e) {
                return false;
            }
        }, 90_000, "server process up; see " + log);
        return process;
    }

    /** SIGKILL: the process dies between any two instructions. */
    static void killProcess(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " did not die");
        }
    }

    void stopAll() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Ignition.stop(nodes.get(i).name(), true);
        }
        nodes.clear();
    }

    Path workDirectory() {
        return workDirectory;
    }

    /** Waits until {@code observer} sees exactly {@code servers} server nodes. */
    static void awaitServers(Ignite observer, int servers, long timeoutMs) {
        await(() -> observer.cluster().forServers().nodes().size() == servers, timeoutMs,
                "cluster did not settle at " + servers + " server nodes");
    }

    /**
     * Waits until every server is primary for some partitions of every cache, as each server sees it: a joining node
     * becomes primary only after it has rebalanced (Ignite's late affinity assignment), so until then the primaries of
     * some keys are still about to move. Tests whose scenario needs a key's primary to stay put start it after this.
     */
    static void awaitPrimariesSettled(List<Ignite> servers, long timeoutMs) {
        await(() -> {
            for (Ignite observer : servers) {
                for (String cache : CacheSchema.ALL) {
                    for (Ignite owner : servers) {
                        if (observer.affinity(cache).primaryPartitions(owner.cluster().localNode()).length == 0) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }, timeoutMs, "every server primary for some partitions of every cache");
    }

    /** Polls {@code condition} every 50 ms until it holds; fails with {@code what} after {@code timeoutMs}. */
    static void await(BooleanSupplier condition, long timeoutMs, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeoutMs + " ms: " + what);
            }
            GridNodes.sleep(50);
        }
    }

    @Override
    public void close() throws IOException {
        stopAll();
        for (Process p : processes) {
            try {
                killProcess(p);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
