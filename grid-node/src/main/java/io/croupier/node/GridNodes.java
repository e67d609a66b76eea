package io.croupier.node;

import io.croupier.fraud.RiskPolicy;
import io.croupier.rg.ResponsibleGambling;
import io.croupier.rg.RgPolicy;
import io.croupier.fraud.detect.CrossPlayerChecks;
import io.croupier.fraud.detect.Detector;
import io.croupier.schema.CacheSchema;
import io.croupier.slots.SlotCatalog;
import io.croupier.wallet.CommitListener;
import io.croupier.wallet.GroupCommitter;
import io.croupier.wallet.PlayPolicy;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.configuration.AtomicConfiguration;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.TransactionConfiguration;
import org.apache.ignite.logger.slf4j.Slf4jLogger;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and starts Croupier's Ignite nodes: servers (standalone or embedded) and clients. */
public final class GridNodes {
    private static final Logger log = LoggerFactory.getLogger(GridNodes.class);

    static {
        // No outbound calls from a casino's data nodes, and no banner art in the logs.
        System.setProperty("IGNITE_UPDATE_NOTIFIER", "false");
        System.setProperty("IGNITE_NO_ASCII", "true");
    }

    private GridNodes() {
    }

    /** Starts a server node that holds data and runs jobs; activates a fresh persistent cluster when it is complete. */
    public static Ignite startServer(NodeSettings settings) {
        requireUtc();
        SlotCatalog slots = GameSetup.slots(settings);
        Ignite ignite = Ignition.start(configuration(settings, false));
        // Fraud rules first, then the player's responsible-gambling limits and the cashier checks; the latter are
        // not switched off with croupier.risk.enabled (limits a player set are never optional).
        PlayPolicy limits = new RgPolicy(ignite, settings.cashierSettings(), Clock.systemUTC());
        ResponsibleGambling.configure(ignite, settings.cashierSettings());
        // The detector hears each commit lane after its commits; it writes the rules' default thresholds once active.
        CommitListener detector = settings.detectEnabled()
                ? Detector.start(ignite, settings.detectorSettings(), slots, Clock.systemUTC()) : CommitListener.NONE;
        GroupCommitter.configure(ignite, settings.commitSettings(),
                settings.riskEnabled() ? PlayPolicy.inOrder(
                        new RiskPolicy(ignite, settings.riskSettings(), Clock.systemUTC()), limits) : limits,
                slots, Clock.systemUTC(), detector);
        CrossPlayerChecks.install(ignite, Clock.systemUTC());
        if (settings.persistence()) {
            ClusterActivation.start(ignite, settings);
        }
        GameSetup.startGames(ignite, settings, slots);
        return ignite;
    }

    /**
     * SQL date functions on the grid (a report's day and hour of a play) work in the node JVM's time zone, and every
     * node must bucket alike: server nodes run in UTC. config/jvm.opts sets it for every launcher; a JVM started
     * without it is switched here, before Ignite's SQL engine reads the zone, with a warning.
     */
    static void requireUtc() {
        java.util.TimeZone utc = java.util.TimeZone.getTimeZone("UTC");
        if (!java.util.TimeZone.getDefault().hasSameRules(utc)) {
            log.warn("JVM time zone is {}, not UTC: switching to UTC (start the JVM with -Duser.timezone=UTC, as "
                    + "config/jvm.opts does)", java.util.TimeZone.getDefault().getID());
            java.util.TimeZone.setDefault(utc);
        }
    }

    /** Starts a client node: joins the cluster, holds no data; used by app servers, the CLI and benchmarks. */
    public static Ignite startClient(NodeSettings settings) {
        return Ignition.start(configuration(settings, true));
    }

    /** Waits until the cluster accepts writes (a persistent cluster is inactive until activation). */
    public static void awaitActive(Ignite ignite, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (ignite.cluster().state() != ClusterState.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Cluster not active after " + timeoutMs + " ms; is "
                        + "croupier.cluster.initialNodes larger than the number of nodes started?");
            }
            sleep(100);
        }
    }

    public static IgniteConfiguration configuration(NodeSettings s, boolean client) {
        IgniteConfiguration cfg = new IgniteConfiguration()
                .setIgniteInstanceName(s.name())
                .setClientMode(client)
                .setGridLogger(new Slf4jLogger())
                .setPeerClassLoadingEnabled(false)
                .setWorkDirectory(s.workDirectory().toString())
                .setLocalHost(s.localAddress())
                .setMetricsLogFrequency(0)
                // The legacy REST connector (port 11211) is not used: control.sh and JDBC use the client port.
                .setConnectorConfiguration(null)
                .setPublicThreadPoolSize(s.publicThreads())
                .setSystemThreadPoolSize(s.systemThreads())
                .setFailureDetectionTimeout(s.failureDetectionTimeoutMs())
                .setDiscoverySpi(new TcpDiscoverySpi()
                        .setLocalAddress(s.localAddress())
                        .setLocalPort(s.discoveryPort())
                        .setLocalPortRange(s.discoveryPortRange())
                        .setIpFinder(new TcpDiscoveryVmIpFinder().setAddresses(s.discoveryAddresses())))
                .setCommunicationSpi(new TcpCommunicationSpi()
                        .setLocalAddress(s.localAddress())
                        .setLocalPort(s.communicationPort())
                        .setLocalPortRange(s.communicationPortRange()))
                .setTransactionConfiguration(new TransactionConfiguration()
                        .setDefaultTxTimeout(s.txTimeoutMs())
                        // A topology change waits at most this long for running transactions, then rolls them back.
                        .setTxTimeoutOnPartitionMapExchange(s.txTimeoutMs()));
        if (client) {
            return cfg.setClientConnectorConfiguration(null);
        }
        if (s.metricsPort() > 0) {
            cfg.setMetricExporterSpi(new PrometheusExporter(s.localAddress(), s.metricsPort(), s.metricsPortRange()));
        }
        long maxBytes = s.dataRegionMaxSizeMb() << 20;
        return cfg
                .setClientConnectorConfiguration(new ClientConnectorConfiguration()
                        .setHost(s.localAddress())
                        .setPort(s.clientPort())
                        .setPortRange(s.clientPortRange()))
                .setDataStorageConfiguration(new DataStorageConfiguration()
                        .setWalMode(s.walMode())
                        .setWalSegmentSize(s.walSegmentSizeMb() << 20)
                        .setDefaultDataRegionConfiguration(new DataRegionConfiguration()
                                .setName("default")
                                .setPersistenceEnabled(s.persistence())
                                .setInitialSize(Math.min(maxBytes, 256L << 20))
                                .setMaxSize(maxBytes)))
                .setAtomicConfiguration(new AtomicConfiguration()
                        .setCacheMode(CacheMode.PARTITIONED)
                        .setBackups(s.backups()))
                .setCacheConfiguration(CacheSchema.cacheConfigurations(s.backups(), s.partitions())
                        .toArray(new org.apache.ignite.configuration.CacheConfiguration[0]));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Logger log() {
        return log;
    }
}
