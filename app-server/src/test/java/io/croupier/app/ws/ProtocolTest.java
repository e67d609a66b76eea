package io.croupier.app.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.croupier.app.web.HttpEdge;
import io.croupier.fraud.detect.DeviceLinks;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.WalletService;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** The player protocol over real WebSocket connections to the whole app server on an embedded grid node. */
@SpringBootTest(properties = {
        "croupier.app.http.host=127.0.0.1",
        "croupier.app.http.port=0",
        "croupier.app.ws.bcrypt-cost=4",
        "croupier.app.ws.rate-messages-per-second=50",
        "croupier.app.ws.rate-burst-messages=60",
        "croupier.app.ws.ping-period-ms=1000",
        "croupier.app.ws.idle-timeout-ms=2500",
        "croupier.app.ws.allowed-origins=http://good.example",
        "croupier.app.demo.enabled=false",
        "croupier.app.grid.embedded-work-directory=target/protocol-grid"})
@DirtiesContext
class ProtocolTest {
    private static final Map<String, String> NODE_SETTINGS = Map.of(
            "croupier.discovery.port", "27500",
            "croupier.discovery.addresses", "127.0.0.1:27500..27509",
            "croupier.communication.port", "27600",
            "croupier.client.port", "27700",
            "croupier.memory.maxSizeMb", "512",
            "croupier.cache.partitions", "64",
            "croupier.tables.roundPauseMs", "300",
            "croupier.games.slotsDirectory", "../config/slots",
            "croupier.games.tablesFile", "src/test/resources/test-tables.json");

    @Autowired
    private HttpEdge edge;
    @Autowired
    private WsEndpoints endpoints;
    @Autowired
    private WalletService wallets;
    @Autowired
    private Ignite ignite;

    @BeforeAll
    static void isolateGridPorts() {
        NODE_SETTINGS.forEach(System::setProperty);
    }

    @AfterAll
    static void clearGridPorts() {
        NODE_SETTINGS.keySet().forEach(System::clearProperty);
    }

    private URI ws() {
        return URI.create("ws://127.0.0.1:" + edge.port() + "/ws");
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a fresh player with a first deposit; returns the registration reply. */
    private JsonNode registerWithDeposit(TestClient c, long amount) {
        JsonNode reg = c.call("register", Map.of("username", unique("p"), "password", "correct horse"));
        assertThat(reg.path("ok").asBoolean()).as(reg.toString()).isTrue();
        JsonNode dep = c.call("wallet.deposit", Map.of("amount", amount, "paymentToken", "tok_test",
                "idempotencyKey", unique("dep")));
        assertThat(dep.path("balance").asLong()).as(dep.toString()).isEqualTo(amount);
        return reg;
    }

    @Test
    void registerDepositSpinAndRecallAPlayersRound() {
        try (TestClient c = new TestClient(ws())) {
            JsonNode reg = registerWithDeposit(c, 10_000);
            assertThat(reg.path("type").asText()).isEqualTo("register");
            assertThat(reg.path("playerId").asLong()).isPositive();
            assertThat(reg.path("token").asText()).contains(".");

            JsonNode games = c.call("slot.games");
            assertThat(games.path("games")).hasSize(2);
            String game = games.path("games").get(0).path("id").asText();
            long stake = games.path("games").get(0).path("stakeMin").asLong();

            JsonNode spin = c.call("slot.spin", Map.of("game", game, "stake", stake, "idempotencyKey", "spin-1"));
            assertThat(spin.path("ok").asBoolean()).as(spin.toString()).isTrue();
            assertThat(spin.path("stops")).hasSize(5);
            assertThat(spin.path("symbols")).hasSize(3);
            assertThat(spin.path("serverSeedHash").asText()).hasSize(64);
            assertThat(spin.path("balance").asLong()).isEqualTo(10_000 - stake + spin.path("win").asLong());

            JsonNode replay = c.call("slot.spin", Map.of("game", game, "stake", stake, "idempotencyKey", "spin-1"));
            assertThat(replay.path("replayed").asBoolean()).isTrue();
            assertThat(replay.path("roundId").asText()).isEqualTo(spin.path("roundId").asText());
            assertThat(c.call("wallet.balance").path("balance").asLong()).isEqualTo(spin.path("balance").asLong());

            JsonNode history = c.call("history", Map.of("limit", 10));
            assertThat(history.path("slotRounds")).hasSize(1);
            assertThat(history.path("slotRounds").get(0).path("roundId").asText())
                    .isEqualTo(spin.path("roundId").asText());
        }
    }

    @Test
    void accountsRegisteredOnOneDeviceAreLinkedByTheFingerprintsHashAndTheRawStringIsNotStored() {
        String device = "fp-" + UUID.randomUUID();
        String hash = DeviceLinks.deviceHash(device);
        long[] ids = new long[3];
        for (int i = 0; i < ids.length; i++) {
            try (TestClient c = new TestClient(ws())) {
                JsonNode reg = c.call("register", Map.of("username", unique("d"), "password", "correct horse",
                        "device", device));
                assertThat(reg.path("ok").asBoolean()).as(reg.toString()).isTrue();
                ids[i] = reg.path("playerId").asLong();
            }
        }
        // Recorded after the replies, in the background; the third account makes the link a MULTI_ACCOUNT finding.
        await(() -> sqlLong("SELECT COUNT(*) FROM CROUPIER.DEVICE_LINK WHERE KIND = 'DEVICE' AND VALUE = ?", hash)
                == 3);
        await(() -> sqlLong("SELECT COUNT(*) FROM CROUPIER.FRAUD_ALERT WHERE RULE = 'MULTI_ACCOUNT' AND SUBJECT = ?",
                "device:" + hash.substring(0, 16)) == 3);
        assertThat(sqlLong("SELECT COUNT(*) FROM CROUPIER.SESSION WHERE DEVICE_FINGERPRINT = ?", hash)).isEqualTo(3);
        assertThat(sqlLong("SELECT COUNT(*) FROM CROUPIER.SESSION WHERE DEVICE_FINGERPRINT = ?", device)).isZero();
        // Loopback is this host, not a player's address: no address link.
        assertThat(sqlLong("SELECT COUNT(*) FROM CROUPIER.DEVICE_LINK WHERE KIND = 'IP' AND PLAYER_ID = ?", ids[0]))
                .isZero();
    }

    private long sqlLong(String sql, Object... args) {
        return ((Number) ignite.cache(CacheSchema.PLAYER).query(new SqlFieldsQuery(sql).setArgs(args)).getAll()
                .get(0).get(0)).longValue();
    }

    @Test
    void aTokenResumesTheSessionOnANewConnectionAndLogoutEndsItEverywhere() {
        String token;
        long playerId;
        try (TestClient first = new TestClient(ws())) {
            JsonNode reg = registerWithDeposit(first, 500);
            token = reg.path("token").asText();
            playerId = reg.path("playerId").asLong();
        }
        try (TestClient second = new TestClient(ws())) {
            JsonNode auth = second.call("auth", Map.of("token", token));
            assertThat(auth.path("ok").asBoolean()).as(auth.toString()).isTrue();
            assertThat(auth.path("playerId").asLong()).isEqualTo(playerId);
            assertThat(second.call("wallet.balance").path("balance").asLong()).isEqualTo(500);

            assertThat(second.call("logout").path("ok").asBoolean()).isTrue();
            assertThat(second.call("wallet.balance").path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
        }
        try (TestClient third = new TestClient(ws())) {
            assertThat(third.call("auth", Map.of("token", token)).path("code").asText()).isEqualTo("INVALID_TOKEN");
        }
    }

    @Test
    void loginChecksThePasswordAndForgedTokensAreRefused() {
        String username = unique("login");
        try (TestClient c = new TestClient(ws())) {
            assertThat(c.call("register", Map.of("username", username, "password", "s3cret-pass"))
                    .path("ok").asBoolean()).isTrue();
            assertThat(c.call("register", Map.of("username", username.toUpperCase(), "password", "other-pass1"))
                    .path("code").asText()).isEqualTo("USERNAME_TAKEN");
            assertThat(c.call("login", Map.of("username", username, "password", "wrong-pass")).path("code").asText())
                    .isEqualTo("INVALID_CREDENTIALS");
            assertThat(c.call("login", Map.of("username", "nobody-" + username, "password", "wrong-pass"))
                    .path("code").asText()).isEqualTo("INVALID_CREDENTIALS");
            JsonNode login = c.call("login", Map.of("username", username, "password", "s3cret-pass"));
            assertThat(login.path("ok").asBoolean()).isTrue();

            String token = login.path("token").asText();
            String forged = token.substring(0, token.indexOf('.')) + ".AAAA" + token.substring(token.indexOf('.') + 5);
            assertThat(c.call("auth", Map.of("token", forged)).path("code").asText()).isEqualTo("INVALID_TOKEN");
            assertThat(c.call("auth", Map.of("token", "garbage")).path("code").asText()).isEqualTo("INVALID_TOKEN");
        }
    }

    @Test
    void badInputGetsTypedErrorsKeepsTheConnectionAndMovesNothing() {
        try (TestClient c = new TestClient(ws())) {
            assertThat(c.call("wallet.balance").path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
            JsonNode reg = registerWithDeposit(c, 1_000);
            long playerId = reg.path("playerId").asLong();

            c.sendRaw("{not json");
            JsonNode malformed = c.nextReply();
            assertThat(malformed.path("type").asText()).isEqualTo("error");
            assertThat(malformed.path("code").asText()).isEqualTo("BAD_REQUEST");
            assertThat(malformed.path("message").asText()).doesNotContain("Exception").doesNotContain("at ");

            c.sendRaw("[1,2]");
            assertThat(c.nextReply().path("code").asText()).isEqualTo("BAD_REQUEST");
            assertThat(c.call("no.such.type").path("code").asText()).isEqualTo("UNKNOWN_TYPE");
            assertThat(c.call("wallet.deposit", Map.of("amount", "100", "paymentToken", "t", "idempotencyKey", "k1"))
                    .path("code").asText()).isEqualTo("INVALID_FIELD");
            assertThat(c.call("wallet.deposit", Map.of("amount", 1.5, "paymentToken", "t", "idempotencyKey", "k1"))
                    .path("code").asText()).isEqualTo("INVALID_FIELD");
            assertThat(c.call("wallet.deposit", Map.of("paymentToken", "t", "idempotencyKey", "k1"))
                    .path("message").asText()).isEqualTo("amount is required");
            assertThat(c.call("wallet.deposit", Map.of("amount", -5, "paymentToken", "t", "idempotencyKey", "k2"))
                    .path("code").asText()).isEqualTo("INVALID_AMOUNT");
            assertThat(c.call("wallet.deposit", Map.of("amount", 0, "paymentToken", "t", "idempotencyKey", "k3"))
                    .path("code").asText()).isEqualTo("INVALID_AMOUNT");
            assertThat(c.call("wallet.deposit", Map.of("amount", Long.MAX_VALUE, "paymentToken", "t",
                    "idempotencyKey", "k4")).path("code").asText()).isIn("INVALID_AMOUNT", "BALANCE_LIMIT_EXCEEDED");
            assertThat(c.call("wallet.withdraw", Map.of("amount", 5_000, "idempotencyKey", "k5"))
                    .path("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
            assertThat(c.call("slot.spin", Map.of("game", "no-such-game", "stake", 10, "idempotencyKey", "k6"))
                    .path("code").asText()).isEqualTo("UNKNOWN_GAME");
            assertThat(c.call("slot.spin", Map.of("game", "classic-fruits", "stake", -10, "idempotencyKey", "k7"))
                    .path("code").asText()).isIn("INVALID_STAKE", "INVALID_AMOUNT");
            assertThat(c.call("fair.clientSeed", Map.of("clientSeed", "x".repeat(65))).path("code").asText())
                    .isEqualTo("INVALID_FIELD");
            assertThat(c.call("table.join", Map.of("tableId", "no-such-table")).path("code").asText())
                    .isEqualTo("UNKNOWN_TABLE");
            assertThat(c.call("table.bet", Map.of("tableId", "fast-1", "roundId", 1, "idempotencyKey", "b1",
                    "bets", List.of(Map.of("kind", "STRAIGHT", "selection", 7, "stake", 100))))
                    .path("code").asText()).isEqualTo("NOT_SEATED");
            // Someone else's seed commitment reveals nothing.
            assertThat(c.call("fair.revealed", Map.of("serverSeedHash", "ab".repeat(32))).path("code").asText())
                    .isEqualTo("SEED_NOT_REVEALED");

            // Still usable, and nothing moved.
            JsonNode balance = c.call("wallet.balance");
            assertThat(balance.path("ok").asBoolean()).isTrue();
            assertThat(balance.path("balance").asLong()).isEqualTo(1_000);
            assertThat(wallets.wallet(playerId).orElseThrow().balance()).isEqualTo(1_000);
        }
    }

    @Test
    void aReplayedDepositKeyMovesMoneyOnce() {
        try (TestClient c = new TestClient(ws())) {
            registerWithDeposit(c, 100);
            Map<String, Object> deposit = Map.of("amount", 250, "paymentToken", "tok", "idempotencyKey", "same-key");
            JsonNode first = c.call("wallet.deposit", deposit);
            JsonNode again = c.call("wallet.deposit", deposit);
            assertThat(first.path("balance").asLong()).isEqualTo(350);
            assertThat(again.path("replayed").asBoolean()).isTrue();
            assertThat(again.path("transferId").asText()).isEqualTo(first.path("transferId").asText());
            assertThat(c.call("wallet.balance").path("balance").asLong()).isEqualTo(350);
            assertThat(c.call("wallet.deposit", Map.of("amount", 999, "paymentToken", "tok",
                    "idempotencyKey", "same-key")).path("code").asText()).isEqualTo("DUPLICATE_KEY_DIFFERENT_REQUEST");
        }
    }

    @Test
    void theEdgeMetersRequestsErrorsConnectionsAndPushLagWithoutPlayerLabels() throws Exception {
        try (TestClient c = new TestClient(ws())) {
            registerWithDeposit(c, 300);
            c.call("no.such.type");
            c.awaitEvent(e -> e.path("event").asText().equals("balance"), 5_000);

            java.net.http.HttpResponse<String> scrape = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                            java.net.http.HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + edge.port() + "/metrics")).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(scrape.body())
                    .containsPattern("croupier_ws_requests_seconds_count\\{[^}]*outcome=\"ok\"[^}]*type=\"wallet.deposit\"")
                    .containsPattern("croupier_ws_requests_seconds_bucket\\{[^}]*type=\"register\"")
                    .containsPattern("croupier_ws_errors_total\\{[^}]*code=\"UNKNOWN_TYPE\"[^}]*type=\"unknown\"")
                    .containsPattern("croupier_ws_connections\\{[^}]*\\} [1-9]")
                    .contains("croupier_ws_outbound_queued_messages")
                    .containsPattern("croupier_ws_timer_tasks\\{[^}]*\\} [1-9]")
                    .containsPattern("croupier_ws_push_lag_seconds_count\\{[^}]*event=\"balance\"")
                    .contains("croupier_links_dropped_total").contains("croupier_links_failed_total")
                    .doesNotContain("player_id").doesNotContain("playerId");
        }
    }

    @Test
    void aFrameAboveTheLimitClosesWith1009() throws Exception {
        try (TestClient c = new TestClient(ws())) {
            c.sendRaw("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(20_000) + "\"}");
            assertThat(c.closeCode.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1009);
        }
    }

    @Test
    void aMessageAboveTheLimitSentInFragmentsClosesWith1009Too() throws Exception {
        try (TestClient c = new TestClient(ws())) {
            c.sendFragments("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(10_000), "x".repeat(10_000) + "\"}");
            assertThat(c.closeCode.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1009);
        }
    }

    @Test
    void aClientThatAnswersPingsStaysConnectedPastTheIdleTimeout() throws Exception {
        try (TestClient c = new TestClient(ws())) {
            assertThat(c.call("ping").path("ok").asBoolean()).isTrue();
            Thread.sleep(2_500 + 2 * 1_000 + 500); // silent but for its pongs, for longer than a timeout and a period
            assertThat(c.closeCode).isNotDone();
            assertThat(c.call("ping").path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void aClientThatSendsNothingNotEvenAPongIsClosedWith1001() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", edge.port())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + edge.port() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.readUnsignedByte());
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 101");
            long start = System.nanoTime();
            int pings = 0;
            while (true) { // the server's frames, unmasked; the client never answers
                int opcode = in.readUnsignedByte() & 0x0F;
                int length = in.readUnsignedByte() & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                }
                byte[] payload = in.readNBytes(length);
                if (opcode == 0x9) {
                    pings++;
                } else if (opcode == 0x8) {
                    long afterMs = (System.nanoTime() - start) / 1_000_000;
                    int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                    String reason = new String(payload, 2, payload.length - 2, java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(code).isEqualTo(1001);
                    assertThat(reason).isEqualTo("idle timeout");
                    assertThat(pings).as("pinged before being given up").isPositive();
                    assertThat(afterMs).as("closed after the timeout (2.5 s), about a ping period (1 s) later at most")
                            .isBetween(2_000L, 8_000L);
                    return;
                }
            }
        }
    }

    @Test
    void theWebSocketTimerHoldsATaskPerSessionNotOnePerFrame() {
        try (TestClient c = new TestClient(ws())) {
            for (int i = 0; i < 200; i++) {
                c.sendRaw("{\"type\":\"ping\",\"id\":\"t" + i + "\"}");
            }
            java.util.Set<String> answered = new java.util.HashSet<>();
            for (int i = 0; i < 200; i++) {
                answered.add(c.nextReply().path("id").asText()); // a reply or RATE_LIMITED
            }
            assertThat(answered).hasSize(200);
            // 400 frames re-armed this session's idle timer; a timer that kept cancelled tasks would hold them all
            assertThat(endpoints.container().timerTasks()).isLessThan(50);
        }
    }

    @Test
    void aFloodIsRateLimitedAndTheConnectionStaysUsable() {
        try (TestClient c = new TestClient(ws())) {
            for (int i = 0; i < 150; i++) {
                c.sendRaw("{\"type\":\"ping\",\"id\":\"f" + i + "\"}");
            }
            int limited = 0;
            for (int i = 0; i < 150; i++) {
                if ("RATE_LIMITED".equals(c.nextReply().path("code").asText())) {
                    limited++;
                }
            }
            assertThat(limited).isPositive();
            await(() -> c.call("ping").path("ok").asBoolean());
        }
    }

    @Test
    void theEchoBaselineIsNotDeployedUnlessConfigured() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TestClient(
                URI.create("ws://127.0.0.1:" + edge.port() + "/echo"))).rootCause().hasMessageContaining("404");
    }

    @Test
    void aForeignOriginIsRefusedAndAnAllowedOneAccepted() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TestClient(ws(), "http://evil.example"))
                .rootCause().hasMessageContaining("403");
        try (TestClient c = new TestClient(ws(), "http://good.example")) {
            assertThat(c.call("ping").path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void aSeatedPlayerBetsSeesOthersBetsAndGetsSettledLive() {
        try (TestClient alice = new TestClient(ws()); TestClient bob = new TestClient(ws())) {
            long aliceId = registerWithDeposit(alice, 10_000).path("playerId").asLong();
            registerWithDeposit(bob, 10_000);
            JsonNode join = alice.call("table.join", Map.of("tableId", "fast-1"));
            assertThat(join.path("table").path("tableId").asText()).as(join.toString()).isEqualTo("fast-1");
            assertThat(bob.call("table.join", Map.of("tableId", "fast-1")).path("ok").asBoolean()).isTrue();

            JsonNode opened = alice.awaitEvent(e -> e.path("event").asText().equals("round.opened"), 15_000);
            long roundId = opened.path("roundId").asLong();
            JsonNode bet = alice.call("table.bet", Map.of("tableId", "fast-1", "roundId", roundId,
                    "idempotencyKey", "bet-" + roundId, "bets", List.of(
                            Map.of("kind", "RED", "stake", 100), Map.of("kind", "BLACK", "stake", 100))));
            assertThat(bet.path("ok").asBoolean()).as(bet.toString()).isTrue();
            assertThat(bet.path("totalStake").asLong()).isEqualTo(200);

            JsonNode seen = bob.awaitEvent(e -> e.path("event").asText().equals("bets.placed")
                    && e.path("placed").findValues("playerId").stream().anyMatch(p -> p.asLong() == aliceId), 5_000);
            assertThat(seen.path("roundId").asLong()).isEqualTo(roundId);
            JsonNode alicesBet = seen.path("placed").get(0);
            assertThat(alicesBet.path("playerId").asLong()).isEqualTo(aliceId);
            assertThat(alicesBet.path("stake").asLong()).isEqualTo(200);
            assertThat(alicesBet.path("at").asLong()).isPositive();
            JsonNode result = alice.awaitEvent(e -> e.path("event").asText().equals("round.result")
                    && e.path("roundId").asLong() == roundId, 15_000);
            assertThat(result.path("number").asInt()).isBetween(0, 36);
            JsonNode settled = alice.awaitEvent(e -> e.path("event").asText().equals("bet.settled")
                    && e.path("roundId").asLong() == roundId, 15_000);
            long expectedReturn = result.path("number").asInt() == 0 ? 0 : 200;
            assertThat(settled.path("returned").asLong()).isEqualTo(expectedReturn);
            alice.awaitEvent(e -> e.path("event").asText().equals("balance")
                    && e.path("balance").asLong() == 10_000 - 200 + expectedReturn, 5_000);

            JsonNode late = alice.call("table.bet", Map.of("tableId", "fast-1", "roundId", roundId,
                    "idempotencyKey", "late-" + roundId, "bets", List.of(Map.of("kind", "RED", "stake", 100))));
            assertThat(late.path("code").asText()).isIn("ROUND_CLOSED", "UNKNOWN_ROUND");
        }
    }

    @Test
    void theSeatSurvivesAReconnect() {
        String token;
        try (TestClient first = new TestClient(ws())) {
            token = registerWithDeposit(first, 1_000).path("token").asText();
            assertThat(first.call("table.join", Map.of("tableId", "fast-1")).path("ok").asBoolean()).isTrue();
        }
        try (TestClient second = new TestClient(ws())) {
            JsonNode auth = second.call("auth", Map.of("token", token));
            assertThat(auth.path("seat").asText()).isEqualTo("fast-1");
            second.awaitEvent(e -> e.path("tableId").asText().equals("fast-1"), 15_000);
            assertThat(second.call("table.leave").path("ok").asBoolean()).isTrue();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("condition not met in 10 s");
    }
}
