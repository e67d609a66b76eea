package io.croupier.app.grid;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the app server reaches the grid.
 *
 * @param mode                   {@code embedded}: start an in-memory server node in this process (demo, development);
 *                               {@code client}: join an existing cluster as a client node (holds no data)
 * @param nodeConfig             grid node settings file (croupier.* keys), read in both modes when it exists; relative
 *                               to the working directory
 * @param embeddedWorkDirectory  Ignite work directory of the embedded node (mode {@code embedded} only)
 * @param activeTimeoutMs        start-up fails when the cluster is not ACTIVE (accepting writes) within this many ms
 */
@ConfigurationProperties("croupier.app.grid")
record GridProperties(
        @DefaultValue("embedded") GridMode mode,
        @DefaultValue("config/croupier-node.properties") Path nodeConfig,
        @DefaultValue("var/embedded") Path embeddedWorkDirectory,
        @DefaultValue("60000") long activeTimeoutMs) {

    GridProperties {
        if (activeTimeoutMs < 1_000 || activeTimeoutMs > 3_600_000) {
            throw new IllegalArgumentException("croupier.app.grid.active-timeout-ms must be in 1000..3600000, not "
                    + activeTimeoutMs);
        }
    }

    /** Where the app server's grid node comes from. */
    enum GridMode {
        /** An in-memory server node inside the app server's JVM. */
        EMBEDDED,
        /** A client node joining the cluster described by the node config. */
        CLIENT
    }
}
