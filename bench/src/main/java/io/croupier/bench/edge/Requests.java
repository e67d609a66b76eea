package io.croupier.bench.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The protocol's request frames the load generator sends (docs/protocol.md), without their id. */
final class Requests {
    static final String PASSWORD = "load-test-password";

    private Requests() {
    }

    static ObjectNode of(String type) {
        return PlayerSocket.JSON.createObjectNode().put("type", type);
    }

    static ObjectNode register(String username) {
        return of("register").put("username", username).put("password", PASSWORD);
    }

    static ObjectNode auth(String token) {
        return of("auth").put("token", token);
    }

    static ObjectNode deposit(long amount, String idempotencyKey) {
        return of("wallet.deposit").put("amount", amount).put("paymentToken", "tok_load")
                .put("idempotencyKey", idempotencyKey);
    }

    static ObjectNode spin(String game, long stake, String idempotencyKey) {
        return of("slot.spin").put("game", game).put("stake", stake).put("idempotencyKey", idempotencyKey);
    }

    static ObjectNode join(String tableId) {
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
