package io.croupier.app.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.croupier.app.grid.GridEvents;
import io.croupier.roulette.TableEvent;
import java.time.Clock;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns grid events into event frames for the connected players they concern: a balance change to that player's
 * connections, a table event to everyone seated there. A frame is serialised once and queued on each connection
 * without blocking (see {@link Connection#send}); it runs on Ignite's notification thread.
 */
final class Push implements GridEvents.Listener {
    private static final Logger log = LoggerFactory.getLogger(Push.class);

    private final ObjectMapper json;
    private final Connections connections;
    private final EdgeMetrics metrics;
    private final Clock clock;

    Push(ObjectMapper json, Connections connections, EdgeMetrics metrics, Clock clock) {
        this.json = json;
        this.connections = connections;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void onBalance(long playerId, long balance, String currency, long updatedAtMs) {
        Collection<Connection> receivers = connections.ofPlayer(playerId);
        if (receivers.isEmpty()) {
            return;
        }
        ObjectNode frame = event("balance").put("balance", balance).put("currency", currency)
                .put("at", updatedAtMs);
        broadcast(receivers, frame, "balance", updatedAtMs);
    }

    @Override
    public void onTable(TableEvent e) {
        // A settlement concerns its player only (and carries their balance); everything else the whole table.
        Collection<Connection> receivers = e.type() == TableEvent.Type.BET_SETTLED
                ? connections.ofPlayer(e.playerId()) : connections.atTable(e.tableId());
        if (receivers.isEmpty()) {
            return;
        }
        ObjectNode frame;
        long committedAtMs = e.timeMs();
        switch (e.type()) {
            case ROUND_OPENED -> {
                frame = event("round.opened").put("seedHash", e.detail()).put("closesAt", e.timeMs());
                committedAtMs = 0;
            }
            case ROUND_CLOSED -> frame = event("round.closed");
            case ROUND_RESULT -> frame = event("round.result").put("number", e.number()).put("seed", e.detail());
            case BET_PLACED -> frame = event("bet.placed").put("playerId", e.playerId()).put("stake", e.amount())
                    .put("bets", e.detail());
            case BET_SETTLED -> {
                frame = event("bet.settled").put("playerId", e.playerId()).put("returned", e.amount())
                        .put("number", e.number());
                long balance = parseOr(e.detail(), -1);
                if (balance >= 0) {
                    frame.put("balance", balance);
                }
            }
            case ROUND_SETTLED -> frame = event("round.settled").put("number", e.number())
                    .put("totalReturned", e.amount());
            case ROUND_REFUNDED -> frame = event("round.refunded").put("playerId", e.playerId())
                    .put("refunded", e.amount());
            default -> {
                return;
            }
        }
        frame.put("tableId", e.tableId()).put("roundId", e.roundNo());
        if (committedAtMs > 0) {
            frame.put("at", committedAtMs);
        }
        broadcast(receivers, frame, frame.get("event").textValue(), committedAtMs);
    }

    private static long parseOr(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private ObjectNode event(String name) {
        return json.createObjectNode().put("type", "event").put("event", name);
    }

    private void broadcast(Collection<Connection> receivers, ObjectNode frame, String event, long committedAtMs) {
        String text;
        try {
            text = json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            log.error("Cannot serialise event {}", event, e);
            return;
        }
        for (Connection c : receivers) {
            c.send(text);
        }
        if (committedAtMs > 0) {
            metrics.pushLag(event, clock.millis() - committedAtMs);
        }
    }
}
