package io.croupier.app.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.croupier.app.grid.GridEvents;
import io.croupier.roulette.TableEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns grid events into event frames for the connected players they concern: a balance change to that player's
 * connections, a table event to everyone seated there. A frame is serialised once and queued on each connection
 * without blocking (see {@link Connection#send}); it runs on Ignite's notification thread.
 *
 * <p>Bets placed at a table are coalesced per table into {@code bets.placed} frames: the first bet after a quiet
 * spell goes out at once, the ones that follow within {@code betWindowMs} of the last frame ride together in the
 * next. Without it every bet is one frame to everyone seated, and a round's frames grow with the square of its
 * bettors (1,000 bettors: a million frames in a betting window, more than any player's outbound queue holds). Any
 * other event of the table first sends the bets pending there: coalescing delays a bet, it never moves it past an
 * event that reached this server after it.
 */
final class Push implements GridEvents.Listener {
    private static final Logger log = LoggerFactory.getLogger(Push.class);

    private final ObjectMapper json;
    private final Connections connections;
    private final EdgeMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final long betWindowMs;
    private final ConcurrentMap<String, TableBets> tableBets = new ConcurrentHashMap<>();
    private final Executor balanceSender;
    private final ConcurrentMap<Long, Balance> balances = new ConcurrentHashMap<>();

    Push(ObjectMapper json, Connections connections, EdgeMetrics metrics, Clock clock, ScheduledExecutorService timer,
         Executor balanceSender, long betWindowMs) {
        this.json = json;
        this.connections = connections;
        this.metrics = metrics;
        this.clock = clock;
        this.timer = timer;
        this.balanceSender = balanceSender;
        this.betWindowMs = betWindowMs;
    }

    /** A player's latest balance not sent yet. */
    private record Balance(long balance, String currency, long updatedAtMs) {
    }

    /** The bets of one table not pushed yet; every access holds its monitor, so frames leave in order. */
    private static final class TableBets {
        final String tableId;
        long roundNo;
        final List<TableEvent> pending = new ArrayList<>();
        long lastFrameMs = Long.MIN_VALUE / 2;
        boolean flushScheduled;

        TableBets(String tableId) {
            this.tableId = tableId;
        }
    }

    @Override
    public void onBalance(long playerId, long balance, String currency, long updatedAtMs) {
        if (connections.ofPlayer(playerId).isEmpty()) {
            return;
        }
        if (balances.put(playerId, new Balance(balance, currency, updatedAtMs)) != null) {
            return; // a send of this player is already due: it takes the newest
        }
        try {
            balanceSender.execute(() -> sendBalance(playerId));
        } catch (RejectedExecutionException e) {
            balances.remove(playerId); // shutting down
        }
    }

    private void sendBalance(long playerId) {
        Balance b = balances.remove(playerId);
        if (b == null) {
            return;
        }
        Collection<Connection> receivers = connections.ofPlayer(playerId);
        if (receivers.isEmpty()) {
            return;
        }
        ObjectNode frame = event("balance").put("balance", b.balance()).put("currency", b.currency())
                .put("at", b.updatedAtMs());
        broadcast(receivers, frame, "balance", b.updatedAtMs());
    }

    @Override
    public void onTable(TableEvent e) {
        if (e.type() == TableEvent.Type.BET_PLACED) {
            betPlaced(e);
            return;
        }
        TableBets bets = tableBets.get(e.tableId());
        if (bets != null) {
            synchronized (bets) {
                sendPending(bets);
                tableEvent(e);
            }
        } else {
            tableEvent(e);
        }
    }

    private void betPlaced(TableEvent e) {
        TableBets bets = tableBets.computeIfAbsent(e.tableId(), TableBets::new);
        synchronized (bets) {
            if (bets.roundNo != e.roundNo()) {
                sendPending(bets); // one frame is one round's
                bets.roundNo = e.roundNo();
            }
            bets.pending.add(e);
            if (bets.flushScheduled) {
                return;
            }
            long wait = bets.lastFrameMs + betWindowMs - clock.millis();
            if (wait <= 0) {
                sendPending(bets);
                return;
            }
            try {
                timer.schedule(() -> flush(bets), wait, TimeUnit.MILLISECONDS);
                bets.flushScheduled = true;
            } catch (RejectedExecutionException shuttingDown) {
                sendPending(bets);
            }
        }
    }

    private void flush(TableBets bets) {
        synchronized (bets) {
            bets.flushScheduled = false;
            sendPending(bets);
        }
    }

    /** Sends the table's pending bets as one {@code bets.placed} frame; the caller holds the monitor. */
    private void sendPending(TableBets bets) {
        if (bets.pending.isEmpty()) {
            return;
        }
        List<TableEvent> placed = new ArrayList<>(bets.pending);
        bets.pending.clear();
        bets.lastFrameMs = clock.millis();
        Collection<Connection> receivers = connections.atTable(bets.tableId);
        if (receivers.isEmpty()) {
            return;
        }
        ObjectNode frame = event("bets.placed").put("tableId", bets.tableId).put("roundId", bets.roundNo);
        ArrayNode items = frame.putArray("placed");
        for (TableEvent b : placed) {
            items.addObject().put("playerId", b.playerId()).put("stake", b.amount()).put("bets", b.detail())
                    .put("at", b.timeMs());
        }
        if (send(receivers, frame, "bets.placed")) {
            long now = clock.millis();
            for (TableEvent b : placed) {
                metrics.pushLag("bets.placed", now - b.timeMs());
            }
        }
    }

    private void tableEvent(TableEvent e) {
        if (e.type() == TableEvent.Type.BETS_SETTLED) {
            betsSettled(e);
            return;
        }
        Collection<Connection> receivers = connections.atTable(e.tableId());
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

    /** A settlement concerns its player only (and carries their balance): one frame to each settled player here. */
    private void betsSettled(TableEvent e) {
        for (TableEvent.PlayerSettlement s : e.settlements()) {
            Collection<Connection> receivers = connections.ofPlayer(s.playerId());
            if (receivers.isEmpty()) {
                continue;
            }
            ObjectNode frame = event("bet.settled").put("playerId", s.playerId()).put("returned", s.returned())
                    .put("number", e.number());
            if (s.balance() >= 0) {
                frame.put("balance", s.balance());
            }
            frame.put("tableId", e.tableId()).put("roundId", e.roundNo()).put("at", e.timeMs());
            broadcast(receivers, frame, "bet.settled", e.timeMs());
        }
    }

    private ObjectNode event(String name) {
        return json.createObjectNode().put("type", "event").put("event", name);
    }

    private void broadcast(Collection<Connection> receivers, ObjectNode frame, String event, long committedAtMs) {
        if (send(receivers, frame, event) && committedAtMs > 0) {
            metrics.pushLag(event, clock.millis() - committedAtMs);
        }
    }

    private boolean send(Collection<Connection> receivers, ObjectNode frame, String event) {
        String text;
        try {
            text = json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            log.error("Cannot serialise event {}", event, e);
            return false;
        }
        for (Connection c : receivers) {
            c.send(text);
        }
        return true;
    }
}
