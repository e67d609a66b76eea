package io.croupier.app.grid;

import io.croupier.node.GridNodes;
import io.croupier.node.NodeSettings;
import io.croupier.player.Players;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.PipelineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteSystemProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The app server's grid node and the grid-backed services the rest of the app uses. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GridProperties.class)
class GridConfiguration {
    private static final Logger log = LoggerFactory.getLogger(GridConfiguration.class);

    /** Named {@code igniteInstance}: the name Ignite's Spring Data repositories look up. */
    @Bean(name = "igniteInstance", destroyMethod = "close")
    Ignite igniteInstance(GridProperties properties) throws IOException {
        // Spring's shutdown closes the node after the beans that use it (HTTP edge, wallet service); Ignite's own
        // hook would stop it concurrently, under their feet.
        System.setProperty(IgniteSystemProperties.IGNITE_NO_SHUTDOWN_HOOK, "true");
        Path file = Files.isRegularFile(properties.nodeConfig()) ? properties.nodeConfig() : null;
        Ignite ignite = switch (properties.mode()) {
            case EMBEDDED -> GridNodes.startServer(embedded(NodeSettings.load(file, Map.of(
                    "croupier.persistence.enabled", "false",
                    "croupier.node.workDirectory", properties.embeddedWorkDirectory().toString(),
                    "croupier.node.name", "croupier-embedded"))));
            case CLIENT -> GridNodes.startClient(NodeSettings.load(file, Map.of(
                    "croupier.node.name", "croupier-app-" + UUID.randomUUID())));
        };
        try {
            GridNodes.awaitActive(ignite, properties.activeTimeoutMs());
        } catch (RuntimeException e) {
            ignite.close();
            throw e;
        }
        log.info("Grid node {} up ({} mode, node config {}), {} server node(s)", ignite.name(),
                properties.mode().name().toLowerCase(Locale.ROOT), file == null ? "defaults" : file,
                ignite.cluster().forServers().nodes().size());
        return ignite;
    }

    /**
     * The embedded node discovers only itself on exactly its configured port: an in-memory demo node must never
     * join (and take partitions of) a real cluster that happens to run on the same host. If the port is taken, start
     * fails at once; use {@code croupier.app.grid.mode=client} to attach to a running cluster instead.
     */
    static NodeSettings embedded(NodeSettings settings) {
        return settings.with(Map.of(
                "croupier.discovery.addresses", settings.localAddress() + ":" + settings.discoveryPort(),
                "croupier.discovery.portRange", "0"));
    }

    @Bean(destroyMethod = "close")
    GridWalletService walletService(Ignite ignite) {
        return new GridWalletService(ignite, PipelineSettings.defaults());
    }

    @Bean
    Players players(Ignite ignite, Clock clock) {
        return new Players(ignite, clock);
    }

    @Bean
    GridStatus gridStatus(Ignite ignite) {
        return new GridStatus(ignite);
    }
}
