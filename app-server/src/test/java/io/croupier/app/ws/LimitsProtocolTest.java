package io.croupier.app.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.croupier.app.web.HttpEdge;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Responsible-gambling requests (limits.get, limits.set, self.exclude) and the cashier's answers (declined payments,
 * the deposit lock, limits and breaks) over real WebSocket connections to the app server on an embedded grid node.
 */
@SpringBootTest(properties = {
        "croupier.app.http.host=127.0.0.1",
        "croupier.app.http.port=0",
        "croupier.app.ws.bcrypt-cost=4",
        "croupier.app.demo.enabled=false",
        "croupier.app.grid.embedded-work-directory=target/limits-grid"})
@DirtiesContext
class LimitsProtocolTest {
    private static final Map<String, String> NODE_SETTINGS = Map.of(
            "croupier.discovery.port", "25500",
            "croupier.discovery.addresses", "127.0.0.1:25500..25509",
            "croupier.communication.port", "25600",
            "croupier.client.port", "25700",
            "croupier.metrics.port", "0",
            "croupier.memory.maxSizeMb", "512",
            "croupier.cache.partitions", "64",
            "croupier.games.slotsDirectory", "../config/slots",
            "croupier.games.tablesFile", "src/test/resources/test-tables.json");

    @Autowired
    private HttpEdge edge;

    @BeforeAll
    static void isolateGridPorts() {
        NODE_SETTINGS.forEach(System::setProperty);
    }

    @AfterAll
    static void clearGridPorts() {
        NODE_SETTINGS.keySet().forEach(System::clearProperty);
    }

    private TestClient client() {
        return new TestClient(URI.create("ws://127.0.0.1:" + edge.port() + "/ws"));
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void register(TestClient c) {
        JsonNode reg = c.call("register", Map.of("username", unique("rg"), "password", "correct horse"));
        assertThat(reg.path("ok").asBoolean()).as(reg.toString()).isTrue();
    }

    private static JsonNode deposit(TestClient c, long amount, String token) {
        return c.call("wallet.deposit", Map.of("amount", amount, "paymentToken", token,
                "idempotencyKey", unique("dep")));
    }

    private static JsonNode limit(JsonNode reply, String kind) {
        for (JsonNode l : reply.path("limits")) {
            if (l.path("kind").asText().equals(kind)) {
                return l;
            }
        }
        throw new AssertionError("no " + kind + " in " + reply);
    }

    private static JsonNode setLimit(TestClient c, String kind, Long amount) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("kind", kind);
        fields.put("amount", amount);
        return c.call("limits.set", fields);
    }

    @Test
    void aPlayerSetsADepositLimitThatAppliesAtOnceAndRaisesItOnlyAfterADay() {
        try (TestClient c = client()) {
            register(c);
            JsonNode fresh = c.call("limits.get");
            assertThat(fresh.path("ok").asBoolean()).as(fresh.toString()).isTrue();
            assertThat(fresh.path("limits")).hasSize(4);
            assertThat(limit(fresh, "LOSS_DAY").path("limit").isNull()).isTrue();
            assertThat(fresh.path("exclusion").isNull()).isTrue();
            assertThat(fresh.path("depositsLockedUntil").asLong()).isZero();

            JsonNode set = setLimit(c, "DEPOSIT_DAY", 1_000L);
            assertThat(limit(set, "DEPOSIT_DAY").path("limit").asLong()).as(set.toString()).isEqualTo(1_000);
            assertThat(deposit(c, 600, "tok_test").path("ok").asBoolean()).isTrue();
            assertThat(deposit(c, 500, "tok_test").path("code").asText()).isEqualTo("DEPOSIT_LIMIT_EXCEEDED");
            assertThat(limit(c.call("limits.get"), "DEPOSIT_DAY").path("used").asLong()).isEqualTo(600);

            JsonNode raised = setLimit(c, "DEPOSIT_DAY", 5_000L);
            JsonNode day = limit(raised, "DEPOSIT_DAY");
            assertThat(day.path("limit").asLong()).isEqualTo(1_000);
            assertThat(day.path("pendingLimit").asLong()).isEqualTo(5_000);
            assertThat(day.path("pendingFrom").asLong()).isEqualTo(raised.path("at").asLong() + 24 * 60 * 60 * 1_000L);
            JsonNode removal = limit(setLimit(c, "DEPOSIT_DAY", null), "DEPOSIT_DAY");
            assertThat(removal.path("pendingLimit").isNull()).isTrue();
            assertThat(removal.has("pendingFrom")).isTrue();
            assertThat(deposit(c, 500, "tok_test").path("code").asText()).isEqualTo("DEPOSIT_LIMIT_EXCEEDED");
        }
    }

    @Test
    void badLimitsAndPeriodsGetTypedErrorsAndChangeNothing() {
        try (TestClient c = client()) {
            register(c);
            assertThat(setLimit(c, "WEEKLY", 100L).path("code").asText()).isEqualTo("INVALID_LIMIT");
            assertThat(setLimit(c, "LOSS_DAY", -5L).path("code").asText()).isEqualTo("INVALID_LIMIT");
            assertThat(setLimit(c, "LOSS_DAY", 0L).path("code").asText()).isEqualTo("INVALID_LIMIT");
            assertThat(c.call("limits.set", Map.of("kind", "LOSS_DAY", "amount", "100")).path("code").asText())
                    .isEqualTo("INVALID_FIELD");
            assertThat(c.call("limits.set", Map.of("kind", "LOSS_DAY")).path("code").asText())
                    .isEqualTo("INVALID_FIELD");
            assertThat(c.call("self.exclude", Map.of("period", "FOREVER")).path("code").asText())
                    .isEqualTo("INVALID_EXCLUSION");
            assertThat(c.call("self.exclude").path("code").asText()).isEqualTo("INVALID_FIELD");
            JsonNode after = c.call("limits.get");
            assertThat(limit(after, "LOSS_DAY").path("limit").isNull()).isTrue();
            assertThat(after.path("exclusion").isNull()).isTrue();
        }
        try (TestClient anonymous = client()) {
            assertThat(anonymous.call("limits.get").path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
        }
    }

    @Test
    void aTimedOutPlayerCannotSpinOrDepositButCanWithdraw() {
        try (TestClient c = client()) {
            register(c);
            assertThat(deposit(c, 5_000, "tok_test").path("ok").asBoolean()).isTrue();
            JsonNode excluded = c.call("self.exclude", Map.of("period", "TIME_OUT_24H"));
            assertThat(excluded.path("exclusion").path("period").asText()).as(excluded.toString())
                    .isEqualTo("TIME_OUT_24H");
            assertThat(excluded.path("exclusion").path("until").asLong()).isEqualTo(
                    excluded.path("at").asLong() + 24 * 60 * 60 * 1_000L);
            assertThat(c.call("slot.spin", Map.of("game", "classic-fruits", "stake", 100, "idempotencyKey", "s1"))
                    .path("code").asText()).isEqualTo("SELF_EXCLUDED");
            assertThat(deposit(c, 100, "tok_test").path("code").asText()).isEqualTo("SELF_EXCLUDED");
            JsonNode out = c.call("wallet.withdraw", Map.of("amount", 5_000, "idempotencyKey", "out"));
            assertThat(out.path("balance").asLong()).as(out.toString()).isZero();
            // A shorter break does not end the one running; a longer one replaces it.
            JsonNode longer = c.call("self.exclude", Map.of("period", "SELF_EXCLUSION_PERMANENT"));
            assertThat(longer.path("exclusion").path("until").isNull()).isTrue();
        }
    }

    @Test
    void declinedPaymentsMoveNothingAndFiveOfThemPauseDeposits() {
        try (TestClient c = client()) {
            register(c);
            for (int i = 0; i < 5; i++) {
                JsonNode declined = deposit(c, 100, "tok_decline_" + i);
                assertThat(declined.path("code").asText()).as(declined.toString()).isEqualTo("PAYMENT_DECLINED");
            }
            assertThat(c.call("wallet.balance").path("balance").asLong()).isZero();
            assertThat(deposit(c, 100, "tok_test").path("code").asText()).isEqualTo("DEPOSITS_LOCKED");
            JsonNode limits = c.call("limits.get");
            assertThat(limits.path("depositsLockedUntil").asLong()).isGreaterThan(limits.path("at").asLong());
        }
    }

    @Test
    void aDeclinedDepositPushesNoBalanceEvent() {
        try (TestClient c = client()) {
            register(c);
            assertThat(deposit(c, 1_000, "tok_test").path("balance").asLong()).isEqualTo(1_000);
            c.awaitEvent(e -> "balance".equals(e.path("event").asText()) && e.path("balance").asLong() == 1_000, 5_000);
            c.clearEvents();
            // The decline is recorded in the wallet row (the cashier's tally) but moves no money.
            assertThat(deposit(c, 100, "tok_decline_x").path("code").asText()).isEqualTo("PAYMENT_DECLINED");
            JsonNode game = c.call("slot.games").path("games").get(0);
            JsonNode spin = c.call("slot.spin", Map.of("game", game.path("id").asText(),
                    "stake", game.path("stakeMin").asLong(), "idempotencyKey", unique("spin")));
            assertThat(spin.path("ok").asBoolean()).as(spin.toString()).isTrue();
            long after = spin.path("balance").asLong();
            // A wallet's changes reach the feed in commit order: had the decline been pushed, it would come first.
            c.awaitEvent(e -> "balance".equals(e.path("event").asText()) && e.path("balance").asLong() == after, 5_000);
            assertThat(c.events("balance")).as("balance events after the decline").hasSize(1);
        }
    }
}
