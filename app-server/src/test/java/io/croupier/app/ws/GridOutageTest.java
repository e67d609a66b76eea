package io.croupier.app.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.croupier.app.CroupierApp;
import io.croupier.app.web.HttpEdge;
import java.net.URI;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An app server joined as a client node to a cluster that goes away: requests get SERVICE_UNAVAILABLE instead of
 * hanging, the connection stays open, and when a cluster is back the app server serves again by itself.
 */
class GridOutageTest {
    private static final Map<String, String> NODE_SETTINGS = Map.of(
            "croupier.discovery.port", "28500",
            "croupier.discovery.addresses", "127.0.0.1:28500..28502",
            "croupier.discovery.portRange", "2",
            "croupier.communication.port", "28600",
            "croupier.client.port", "28700",
            "croupier.memory.maxSizeMb", "256",
            "croupier.cache.partitions", "32",
            "croupier.games.slotsDirectory", "../config/slots",
            "croupier.games.tablesFile", "src/test/resources/test-tables.json");

    private static Ignite server;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void startClusterAndAppServer() {
        NODE_SETTINGS.forEach(System::setProperty);
        server = startServer();
        app = new SpringApplicationBuilder(CroupierApp.class).run(
                "--croupier.app.grid.mode=client",
                "--croupier.app.http.host=127.0.0.1",
                "--croupier.app.http.port=0",
                "--croupier.app.ws.bcrypt-cost=4",
                "--croupier.app.ws.request-timeout-ms=2000",
                "--croupier.app.demo.enabled=false");
    }

    @AfterAll
    static void stopAll() {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
        NODE_SETTINGS.keySet().forEach(System::clearProperty);
    }

    private static Ignite startServer() {
        return TestServerNode.start("outage", "target/outage-grid");
    }

    @Test
    void aLostClusterAnswersServiceUnavailableAndTheAppServerRecoversByItself() throws Exception {
        URI ws = URI.create("ws://127.0.0.1:" + app.getBean(HttpEdge.class).port() + "/ws");
        try (TestClient c = new TestClient(ws)) {
            JsonNode reg = c.call("register", Map.of("username", "outage1", "password", "password-1"));
            assertThat(reg.path("ok").asBoolean()).as(reg.toString()).isTrue();
            assertThat(c.call("wallet.deposit", Map.of("amount", 500, "paymentToken", "tok", "idempotencyKey", "d1"))
                    .path("balance").asLong()).isEqualTo(500);

            server.close();
            server = null;

            JsonNode down = c.call("wallet.balance");
            assertThat(down.path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
            JsonNode spin = c.call("slot.spin", Map.of("game", "classic-fruits", "stake", 10,
                    "idempotencyKey", "s1"));
            assertThat(spin.path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(c.call("ping").path("ok").asBoolean()).as("connection still usable").isTrue();

            server = startServer();

            // An in-memory cluster started afresh: the old player is gone; a new one works end to end, push included.
            JsonNode again = awaitOk(c, "register", Map.of("username", "outage2", "password", "password-2"));
            assertThat(again.path("playerId").asLong()).isPositive();
            JsonNode deposit = awaitOk(c, "wallet.deposit", Map.of("amount", 700, "paymentToken", "tok",
                    "idempotencyKey", "d2"));
            assertThat(deposit.path("balance").asLong()).isEqualTo(700);
            c.awaitEvent(e -> e.path("event").asText().equals("balance") && e.path("balance").asLong() == 700,
                    10_000);
        }
    }

    /** Repeats a request while the app server still reports the grid unavailable (it reconnects by itself). */
    private static JsonNode awaitOk(TestClient c, String type, Map<String, ?> fields) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode reply = null;
        while (System.currentTimeMillis() < deadline) {
            reply = c.call(type, fields);
            if (reply.path("ok").asBoolean()) {
                return reply;
            }
            assertThat(reply.path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
            Thread.sleep(500);
        }
        throw new AssertionError("still failing after 60 s: " + reply);
    }
}
