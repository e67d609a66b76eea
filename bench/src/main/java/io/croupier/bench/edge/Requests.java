package io.croupier.bench.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The protocol's request frames the load generator sends (docs/protocol.md), without their id. */
public final class Requests {
    static final String PASSWORD = "load-test-password";

    private Requests() {
    }

    public static ObjectNode of(String type) {
        return PlayerSocket.JSON.createObjectNode().put("type", type);
    }

    public static ObjectNode register(String username) {
        return of("register").put("username", username).put("password", PASSWORD);
    }

    static ObjectNode auth(String token) {
        return of("auth").put("token", token);
    }

    /** Registration from a device (its fingerprint, as a browser library would compute it). */
    public static ObjectNode register(String username, String device) {
        return register(username).put("device", device);
    }

    public static ObjectNode login(String username, String device) {
        return of("login").put("username", username).put("password", PASSWORD).put("device", device);
    }

    public static ObjectNode withdraw(long amount, String idempotencyKey) {
        return of("wallet.withdraw").put("amount", amount).put("idempotencyKey", idempotencyKey);
    }

    public static ObjectNode balance() {
        return of("wallet.balance");
    }

    public static ObjectNode leave() {
        return of("table.leave");
    }

    /** One bet of {@code kind} (an even-money kind has no selection; {@code selection} null) on an open round. */
    public static ObjectNode bet(String tableId, long roundId, String kind, Integer selection, long stake,
                                 String idempotencyKey) {
        ObjectNode bet = of("table.bet").put("tableId", tableId).put("roundId", roundId)
                .put("idempotencyKey", idempotencyKey);
        ObjectNode one = bet.putArray("bets").addObject().put("kind", kind).put("stake", stake);
        if (selection != null) {
            one.put("selection", selection);
        }
        return bet;
    }

    public static ObjectNode deposit(long amount, String idempotencyKey) {
        return of("wallet.deposit").put("amount", amount).put("paymentToken", "tok_load")
                .put("idempotencyKey", idempotencyKey);
    }

    public static ObjectNode spin(String game, long stake, String idempotencyKey) {
        return of("slot.spin").put("game", game).put("stake", stake).put("idempotencyKey", idempotencyKey);
    }

    public static ObjectNode join(String tableId) {
        return of("table.join").put("tableId", tableId);
    }

    /** One even-money bet (RED) on the round a {@code round.opened} event announced. */
    static ObjectNode bet(JsonNode roundOpened, long stake, String idempotencyKey) {
        ObjectNode bet = of("table.bet").put("tableId", roundOpened.path("tableId").asText())
                .put("idempotencyKey", idempotencyKey);
        bet.set("roundId", roundOpened.path("roundId"));
        bet.putArray("bets").addObject().put("kind", "RED").put("stake", stake);
        return bet;
    }
}
