package io.croupier.node;

import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh persistent cluster starts inactive (it cannot know which nodes hold its data). The oldest server node
 * activates it once {@code croupier.cluster.initialNodes} servers have joined; activation makes them the baseline.
 * A cluster that has a baseline re-activates by itself on restart, so this only ever acts once per cluster.
 */
final class ClusterActivation {
    private static final Logger log = LoggerFactory.getLogger(ClusterActivation.class);

    private ClusterActivation() {
    }

    static void start(Ignite ignite, NodeSettings settings) {
        Thread t = new Thread(() -> run(ignite, settings), "croupier-activation");
        t.setDaemon(true);
        t.start();
    }

    private static void run(Ignite ignite, NodeSettings settings) {
        try {
            while (ignite.cluster().state() != ClusterState.ACTIVE) {
                boolean fresh = ignite.cluster().currentBaselineTopology() == null;
                boolean oldest = ignite.cluster().forServers().forOldest().node().isLocal();
                int servers = ignite.cluster().forServers().nodes().size();
                if (fresh && oldest && servers >= settings.initialNodes()) {
                    log.info("Fresh persistent cluster with {} server node(s): activating; they form the baseline",
                            servers);
                    ignite.cluster().state(ClusterState.ACTIVE);
                }
                GridNodes.sleep(500);
            }
            long adjustMs = settings.baselineAutoAdjustMs();
            if (adjustMs >= 0 && ignite.cluster().forServers().forOldest().node().isLocal()) {
                ignite.cluster().baselineAutoAdjustEnabled(true);
                ignite.cluster().baselineAutoAdjustTimeout(adjustMs);
            }
        } catch (RuntimeException e) {
            if (ignite.cluster().localNode() != null) {
                log.warn("Automatic activation stopped: {}", e.toString());
            }
        }
    }
}
