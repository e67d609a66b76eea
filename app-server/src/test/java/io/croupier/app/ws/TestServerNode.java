package io.croupier.app.ws;

import io.croupier.node.GridNodes;
import io.croupier.node.NodeSettings;
import io.croupier.roulette.RouletteTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import org.apache.ignite.Ignite;

/** An in-memory grid server node for tests in which app servers join a cluster as client nodes. */
final class TestServerNode {
    private TestServerNode() {
    }

    /**
     * Starts a server node from the croupier.* system properties the test set, and waits until its first table runs:
     * a client node joining while the table drivers are being deployed can trip Ignite (ARCHITECTURE.md, decision 19).
     */
    static Ignite start(String name, String workDirectory) {
        Ignite node;
        try {
            node = GridNodes.startServer(NodeSettings.load(null, Map.of("croupier.node.name",
                    name + "-" + UUID.randomUUID(), "croupier.node.workDirectory", workDirectory,
                    "croupier.persistence.enabled", "false")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RouletteTables tables = new RouletteTables(node);
        long deadline = System.currentTimeMillis() + 30_000;
        while (tables.tables().isEmpty() || tables.tables().get(0).currentRound() == 0) {
            if (System.currentTimeMillis() > deadline) {
                node.close();
                throw new IllegalStateException("table not running after 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return node;
    }
}
