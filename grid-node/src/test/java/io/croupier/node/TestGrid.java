package io.croupier.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;

/**
 * Real Ignite nodes in this JVM on loopback. Each grid gets its own port block (discovery, communication, client)
 * with explicit ranges, so two grids never merge and a port clash fails fast.
 */
final class TestGrid implements AutoCloseable {
    private static final AtomicInteger BLOCK = new AtomicInteger((int) (ProcessHandle.current().pid() % 20));

    private final int discoveryBase;
    private final int communicationBase;
    private final int clientBase;
    private final Path workDirectory;
    private final Map<String, String> extra;
    private final List<Ignite> nodes = new ArrayList<>();
    private int started;

    TestGrid(Map<String, String> extra) throws IOException {
        int block = BLOCK.getAndIncrement() % 40;
        this.discoveryBase = 48_000 + block * 20;
        this.communicationBase = 49_000 + block * 20;
        this.clientBase = 50_000 + block * 20;
        this.workDirectory = Files.createTempDirectory("croupier-grid-");
        this.extra = extra;
    }

    static TestGrid inMemory() throws IOException {
        return new TestGrid(Map.of());
    }

    NodeSettings settings(int index, boolean client) {
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
        s.putAll(extra);
        return NodeSettings.of(s);
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

    /** Kills a node abruptly: no graceful hand-over of its jobs or transactions. */
    void kill(Ignite node) {
        nodes.remove(node);
        Ignition.stop(node.name(), true);
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

    @Override
    public void close() throws IOException {
        stopAll();
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
