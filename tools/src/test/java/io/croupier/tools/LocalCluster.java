package io.croupier.tools;

import io.croupier.node.GridNodes;
import io.croupier.node.NodeSettings;
import java.io.IOException;
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
import java.util.stream.Stream;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;

/**
 * In-memory grid server nodes in this JVM on loopback, configured as {@code bin/croupier node} configures them, on a
 * port block of their own with explicit ranges (a clash fails fast, two test clusters never merge).
 */
final class LocalCluster implements AutoCloseable {
    private static final int BLOCKS = 20;
    /** Below the kernel's ephemeral range (32768+), where other processes' closed connections linger in TIME_WAIT. */
    private static final int DISCOVERY_BASE = 24_000;
    private static final int COMMUNICATION_BASE = 25_000;
    private static final int CLIENT_BASE = 26_000;

    private final int discoveryBase;
    private final int communicationBase;
    private final int clientBase;
    private final Path workDirectory;
    private final List<Ignite> nodes = new ArrayList<>();

    private LocalCluster(int block) throws IOException {
        this.discoveryBase = DISCOVERY_BASE + block * 20;
        this.communicationBase = COMMUNICATION_BASE + block * 20;
        this.clientBase = CLIENT_BASE + block * 20;
        this.workDirectory = Files.createTempDirectory("croupier-tools-grid-");
    }

    static LocalCluster start(int servers) throws IOException {
        LocalCluster cluster = new LocalCluster(freeBlock());
        for (int i = 0; i < servers; i++) {
            cluster.nodes.add(GridNodes.startServer(cluster.settings(i)));
        }
        return cluster;
    }

    private NodeSettings settings(int index) {
        Map<String, String> s = new HashMap<>();
        s.put("croupier.node.name", "tools-server-" + index + "-" + discoveryBase);
        s.put("croupier.node.workDirectory", workDirectory.toString());
        s.put("croupier.discovery.addresses", "127.0.0.1:" + discoveryBase + ".." + (discoveryBase + 9));
        s.put("croupier.discovery.port", String.valueOf(discoveryBase));
        s.put("croupier.communication.port", String.valueOf(communicationBase));
        s.put("croupier.client.port", String.valueOf(clientBase));
        s.put("croupier.persistence.enabled", "false");
        s.put("croupier.memory.maxSizeMb", "256");
        s.put("croupier.cache.partitions", "64");
        // Generous: on a loaded 2-core machine a short timeout declared a slow-starting node failed (segmentation).
        s.put("croupier.failureDetectionTimeoutMs", "10000");
        s.put("croupier.games.tablesFile", workDirectory.resolve("no-tables.json").toString());
        return NodeSettings.of(s);
    }

    private static int freeBlock() {
        long start = ProcessHandle.current().pid() % BLOCKS;
        for (int i = 0; i < BLOCKS; i++) {
            int block = (int) ((start + i) % BLOCKS);
            if (portsFree(DISCOVERY_BASE + block * 20) && portsFree(COMMUNICATION_BASE + block * 20) && portsFree(CLIENT_BASE + block * 20)) {
                return block;
            }
        }
        throw new IllegalStateException("No free port block for a test cluster");
    }

    private static boolean portsFree(int base) {
        for (int port = base; port < base + 10; port++) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException busy) {
                return false;
            }
        }
        return true;
    }

    Ignite node(int index) {
        return nodes.get(index);
    }

    /** The thin client / JDBC / control utility port of the first node. */
    int clientPort() {
        return clientBase;
    }

    @Override
    public void close() throws IOException {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Ignition.stop(nodes.get(i).name(), true);
        }
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
