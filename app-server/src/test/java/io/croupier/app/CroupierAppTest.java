package io.croupier.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.croupier.app.demo.DemoPlayer;
import io.croupier.app.web.HttpEdge;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.cache.CacheGroupContext;
import org.apache.ignite.internal.processors.cache.distributed.dht.topology.GridDhtLocalPartition;
import org.apache.ignite.internal.processors.cache.transactions.IgniteTxManager;
import org.apache.ignite.internal.util.typedef.internal.CU;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** The whole app server on an embedded in-memory grid node, exercised over HTTP like a browser or a scraper would. */
@SpringBootTest(properties = {
        "croupier.app.http.host=127.0.0.1",
        "croupier.app.http.port=0",
        "croupier.app.grid.embedded-work-directory=target/embedded-grid"})
@DirtiesContext
class CroupierAppTest {
    /** A port block of its own below the OS's ephemeral range, apart from grid-node's and tools' test grids), fixed ranges so a clash fails fast. */
    private static final Map<String, String> NODE_SETTINGS = Map.of(
            "croupier.discovery.port", "26500",
            "croupier.discovery.addresses", "127.0.0.1:26500..26509",
            "croupier.communication.port", "26600",
            "croupier.client.port", "26700",
            "croupier.memory.maxSizeMb", "512",
            "croupier.cache.partitions", "64",
            "croupier.games.slotsDirectory", "../config/slots",
            "croupier.games.tablesFile", "../config/roulette-tables.json");

    /** GridConfiguration.EMBEDDED_COMPLETED_TX_HISTORY. */
    private static final int EMBEDDED_TX_HISTORY = 4096;

    private final HttpClient http = HttpClient.newBuilder()
            // HTTP/1.1 like browsers and scrapers: Grizzly answers an h2c upgrade offer without a Content-Type.
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private HttpEdge edge;
    @Autowired
    private DemoPlayer demoPlayer;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private Ignite ignite;

    /** The embedded node reads croupier.* system properties (NodeSettings.load); the context starts after this. */
    @BeforeAll
    static void isolateGridPorts() {
        NODE_SETTINGS.forEach(System::setProperty);
    }

    @AfterAll
    static void clearGridPorts() {
        NODE_SETTINGS.keySet().forEach(System::clearProperty);
    }

    @Test
    void statusShowsTheDemoPlayerWithItsFirstDepositAndACleanAudit() throws Exception {
        HttpResponse<String> response = get("/api/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode status = json.readTree(response.body());
        assertThat(status.at("/cluster/serverNodes").asInt()).isEqualTo(1);
        assertThat(status.at("/cluster/state").asText()).isEqualTo("ACTIVE");
        assertThat(status.at("/demoPlayer/playerId").asLong()).isEqualTo(demoPlayer.playerId().orElseThrow());
        assertThat(status.at("/demoPlayer/balance").asLong()).isEqualTo(100_000);
        assertThat(status.at("/demoPlayer/currency").asText()).isEqualTo("EUR");
        assertThat(status.at("/audit/clean").asBoolean()).isTrue();
        assertThat(status.at("/audit/wallets").asLong()).isEqualTo(1);
        assertThat(status.at("/audit/ledgerRows").asLong()).isPositive();
        assertThat(status.at("/audit/ledgerSum").asLong()).isZero();
    }

    @Test
    void statusShowsTheDemoTablesRunningRounds() throws Exception {
        JsonNode tables = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            tables = json.readTree(get("/api/status").body()).at("/tables");
            if (tables.size() == 2 && tables.get(0).at("/status").asText().equals("OPEN")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(tables).hasSize(2);
        assertThat(tables.get(0).at("/tableId").asText()).isEqualTo("eu-1");
        assertThat(tables.get(1).at("/tableId").asText()).isEqualTo("eu-high");
        assertThat(tables.get(0).at("/round").asLong()).isPositive();
        assertThat(tables.get(0).at("/status").asText()).isEqualTo("OPEN");
        assertThat(tables.get(0).at("/seedHash").asText()).hasSize(64);
        assertThat(tables.get(0).at("/closesAt").asLong()).isGreaterThan(System.currentTimeMillis() - 60_000);
    }

    @Test
    void seedingTheDemoAgainFindsTheSamePlayerAndDepositsNothing() throws Exception {
        long id = demoPlayer.playerId().orElseThrow();

        demoPlayer.run(new DefaultApplicationArguments());

        assertThat(demoPlayer.playerId()).hasValue(id);
        JsonNode status = json.readTree(get("/api/status").body());
        assertThat(status.at("/demoPlayer/balance").asLong()).isEqualTo(100_000);
        assertThat(status.at("/audit/wallets").asLong()).isEqualTo(1);
        assertThat(status.at("/audit/clean").asBoolean()).isTrue();
    }

    @Test
    void rootServesTheWebClientAndTheStatusPageIsBesideIt() throws Exception {
        HttpResponse<String> client = get("/");
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(client.body()).contains("<title>Croupier</title>");

        HttpResponse<String> response = get("/status.html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).contains("<title>Croupier</title>").contains("/api/status");
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        HttpResponse<String> response = get("/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"not found\"}");
    }

    @Test
    void anotherMethodThanGetIsNotAllowed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/status"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void metricsServeThePrometheusScrapeWithJvmAndHttpMeters() throws Exception {
        get("/");

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("jvm_threads_live_threads")
                .contains("croupier_http_requests_seconds_count{application=\"croupier-app\",route=\"FILE\",status=\"200\"}");
    }

    @Test
    void theEmbeddedNodeRemembersAShortHistoryOfCompletedTransactions() {
        IgniteTxManager transactions = ((IgniteEx) ignite).context().cache().context().tm();
        CacheConfiguration<Integer, Integer> probe = new CacheConfiguration<Integer, Integer>("tx-history-probe")
                .setAtomicityMode(CacheAtomicityMode.TRANSACTIONAL);
        IgniteCache<Integer, Integer> cache = ignite.getOrCreateCache(probe);
        try {
            for (int i = 0; i < 3 * EMBEDDED_TX_HISTORY; i++) {
                cache.put(i % 100, i); // one implicit transaction each
            }
            // Bounded per segment of Ignite's map, so the total may sit a little under the bound, never far over it.
            assertThat(transactions.completedVersionsSize())
                    .isGreaterThan(EMBEDDED_TX_HISTORY / 2)
                    .isLessThanOrEqualTo(EMBEDDED_TX_HISTORY + 64);
        } finally {
            ignite.destroyCache(probe.getName());
        }
    }

    @Test
    void theEmbeddedNodeDropsTheTombstonesOfMissingKeysWithinSeconds() throws Exception {
        CacheConfiguration<Integer, Integer> probe = new CacheConfiguration<Integer, Integer>("tombstone-probe")
                .setAtomicityMode(CacheAtomicityMode.TRANSACTIONAL);
        IgniteCache<Integer, Integer> cache = ignite.getOrCreateCache(probe);
        try {
            for (int key = 0; key < 500; key++) {
                try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.OPTIMISTIC,
                        TransactionIsolation.SERIALIZABLE)) {
                    // As a stake reads a player's missing limits row beside the rows it writes.
                    assertThat(cache.get(key)).isNull();
                    cache.put(-1, key);
                    tx.commit();
                }
            }
            CacheGroupContext group = ((IgniteEx) ignite).context().cache().cacheGroup(CU.cacheId(probe.getName()));
            assertThat(tombstones(group)).as("tombstones right after the reads").isPositive();

            // Ignite's default keeps them 10 s; the embedded node 1 s.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (tombstones(group) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(tombstones(group)).as("tombstones 5 s later").isZero();
        } finally {
            ignite.destroyCache(probe.getName());
        }
    }

    /** Deleted entries a partition still keeps (Ignite's deferred-delete queue: no public accessor). */
    private static int tombstones(CacheGroupContext group) throws ReflectiveOperationException {
        Field queue = GridDhtLocalPartition.class.getDeclaredField("rmvQueue");
        queue.setAccessible(true);
        int n = 0;
        for (GridDhtLocalPartition partition : group.topology().localPartitions()) {
            n += ((Collection<?>) queue.get(partition)).size();
        }
        return n;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + edge.port() + path);
    }
}
