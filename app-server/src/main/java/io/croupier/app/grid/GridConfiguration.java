package io.croupier.app.grid;

import io.croupier.node.GridNodes;
import io.croupier.node.NodeSettings;
import io.croupier.cashier.Cashier;
import io.croupier.cashier.DevPaymentGateway;
import io.croupier.cashier.PaymentGateway;
import io.croupier.game.Fairness;
import io.croupier.game.GameHistory;
import io.croupier.player.Players;
import io.croupier.rg.ResponsibleGambling;
import io.croupier.roulette.RouletteTables;
import io.croupier.slots.SlotCatalog;
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
import org.apache.ignite.springdata.repository.config.EnableIgniteRepositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The app server's grid node and the grid-backed services the rest of the app uses. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GridProperties.class)
@EnableIgniteRepositories(basePackageClasses = AccountRepository.class)
class GridConfiguration {
    private static final Logger log = LoggerFactory.getLogger(GridConfiguration.class);

    /** The grid node settings: the node config file (both modes) with the mode's own overrides. */
    @Bean
    NodeSettings nodeSettings(GridProperties properties) throws IOException {
        Path file = Files.isRegularFile(properties.nodeConfig()) ? properties.nodeConfig() : null;
        return switch (properties.mode()) {
            case EMBEDDED -> embedded(NodeSettings.load(file, Map.of(
                    "croupier.persistence.enabled", "false",
                    "croupier.node.workDirectory", properties.embeddedWorkDirectory().toString(),
                    "croupier.node.name", "croupier-embedded")));
            case CLIENT -> NodeSettings.load(file, Map.of("croupier.node.name", "croupier-app-" + UUID.randomUUID()));
        };
    }

    /** Named {@code igniteInstance}: the name Ignite's Spring Data repositories look up. */
    @Bean(name = "igniteInstance", destroyMethod = "close")
    Ignite igniteInstance(GridProperties properties, NodeSettings settings) {
        // Spring's shutdown closes the node after the beans that use it (HTTP edge, wallet service); Ignite's own
        // hook would stop it concurrently, under their feet.
        System.setProperty(IgniteSystemProperties.IGNITE_NO_SHUTDOWN_HOOK, "true");
        Path file = Files.isRegularFile(properties.nodeConfig()) ? properties.nodeConfig() : null;
        Ignite ignite = switch (properties.mode()) {
            case EMBEDDED -> {
                shortHistories();
                yield GridNodes.startServer(settings);
            }
            case CLIENT -> GridNodes.startClient(settings);
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
     * Completed transactions the embedded node remembers, instead of Ignite's 262,144 (ARCHITECTURE decision 86).
     * The history answers other server nodes' recovery questions after a node fails; the embedded node discovers
     * only itself, so there are none, and at thousands of transactions a second a long history is tenured garbage
     * for which G1 shrinks the young generation: two to three times as many pauses at 5,000 spins/s.
     */
    static final int EMBEDDED_COMPLETED_TX_HISTORY = 4096;

    /**
     * How long the embedded node keeps a deleted entry's tombstone, in ms, instead of Ignite's 10 s (decision 86).
     * A transaction that reads a key that does not exist (a player without limits) leaves one; kept 10 s they were
     * most of what every young pause copied. Tombstones let late updates from other nodes lose against a delete;
     * a lone node gets none.
     */
    static final long EMBEDDED_REMOVED_ENTRIES_TTL_MS = 1000;

    /** Sets the embedded node's short histories, each unless the JVM was started with its own value. */
    static void shortHistories() {
        setUnlessSet(IgniteSystemProperties.IGNITE_MAX_COMPLETED_TX_COUNT, EMBEDDED_COMPLETED_TX_HISTORY);
        setUnlessSet(IgniteSystemProperties.IGNITE_CACHE_REMOVED_ENTRIES_TTL, EMBEDDED_REMOVED_ENTRIES_TTL_MS);
    }

    private static void setUnlessSet(String property, long value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, String.valueOf(value));
        }
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

    /**
     * The payment provider deposits are authorised with. The dev/demo gateway approves every token except those
     * starting {@code tok_decline}; a deployment taking real money defines its own {@link PaymentGateway} bean.
     */
    @Bean
    @ConditionalOnMissingBean(PaymentGateway.class)
    PaymentGateway paymentGateway() {
        log.warn("Deposits are authorised by the dev payment gateway (no real money): tokens starting {} are declined",
                DevPaymentGateway.DECLINE_PREFIX);
        return new DevPaymentGateway();
    }

    @Bean
    Cashier cashier(Ignite ignite, GridWalletService walletService, PaymentGateway gateway) {
        return new Cashier(ignite, walletService, gateway, PipelineSettings.defaults().limits());
    }

    @Bean
    ResponsibleGambling responsibleGambling(Ignite ignite) {
        return new ResponsibleGambling(ignite);
    }

    @Bean
    Players players(Ignite ignite, Clock clock) {
        return new Players(ignite, clock);
    }

    @Bean
    GridStatus gridStatus(Ignite ignite) {
        return new GridStatus(ignite);
    }

    /** The slot games as the grid nodes load them (same settings key), for listing; spins are checked on the grid. */
    @Bean
    SlotCatalog slotCatalog(NodeSettings settings) {
        return Files.isDirectory(settings.slotsDirectory()) ? SlotCatalog.loadDirectory(settings.slotsDirectory())
                : SlotCatalog.EMPTY;
    }

    @Bean
    Accounts accounts(AccountRepository repository, Players players) {
        return new Accounts(repository, players);
    }

    @Bean
    GridSessions gridSessions(Ignite ignite, Clock clock) {
        return new GridSessions(ignite, clock);
    }

    @Bean(destroyMethod = "close")
    GridLinks gridLinks(Ignite ignite, Clock clock) {
        return new GridLinks(ignite, clock);
    }

    @Bean(destroyMethod = "close")
    GridEvents gridEvents(Ignite ignite) {
        return new GridEvents(ignite);
    }

    @Bean
    GridAvailability gridAvailability(Ignite ignite) {
        return new GridAvailability(ignite);
    }

    @Bean
    Fairness fairness(Ignite ignite) {
        return new Fairness(ignite);
    }

    @Bean
    GameHistory gameHistory(Ignite ignite) {
        return new GameHistory(ignite);
    }

    @Bean
    RouletteTables rouletteTables(Ignite ignite) {
        return new RouletteTables(ignite);
    }
}
