package io.croupier.app.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.croupier.app.grid.GridAvailability;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request frame goes through here, in this order: 1. parse (BAD_REQUEST) 2. envelope: type and id
 * (INVALID_FIELD) 3. rate limit (RATE_LIMITED) 4. route: one switch from type to handler (UNKNOWN_TYPE) 5. must be
 * authenticated (NOT_AUTHENTICATED) 6. grid reachable (SERVICE_UNAVAILABLE, without waiting) 7. handler, bounded by
 * the request timeout 8. reply or typed error on the same connection. Nothing here throws to Tyrus: a request never
 * closes the connection and never puts a stack trace on the wire.
 */
final class Protocol {
    private static final Logger log = LoggerFactory.getLogger(Protocol.class);
    static final int ID_CHARS_MAX = 64;
    /** Types answered before authentication. */
    private static final Set<String> PUBLIC_TYPES = Set.of("register", "login", "auth", "slot.games", "ping");
    /** Types that need no grid at all. */
    private static final Set<String> LOCAL_TYPES = Set.of("slot.games", "ping");

    private final ObjectMapper json;
    private final Handlers handlers;
    private final GridAvailability grid;
    private final EdgeMetrics metrics;
    private final long requestTimeoutMs;

    Protocol(ObjectMapper json, Handlers handlers, GridAvailability grid, EdgeMetrics metrics, long requestTimeoutMs) {
        this.json = json;
        this.handlers = handlers;
        this.grid = grid;
        this.metrics = metrics;
        this.requestTimeoutMs = requestTimeoutMs;
    }

    void onText(Connection c, String text) {
        long startNanos = System.nanoTime();
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            reply(c, "invalid", null, startNanos, null, new ProtocolException("BAD_REQUEST", "malformed JSON"));
            return;
        }
        if (root == null || !root.isObject()) {
            reply(c, "invalid", null, startNanos, null, new ProtocolException("BAD_REQUEST", "a request is a JSON object"));
            return;
        }
        JsonNode id = root.get("id");
        if (id != null && !(id.isTextual() && id.textValue().length() <= ID_CHARS_MAX || id.isIntegralNumber())) {
            reply(c, "invalid", null, startNanos, null,
                    Request.invalid("id", "must be a string of at most " + ID_CHARS_MAX + " characters or an integer"));
            return;
        }
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            reply(c, "invalid", id, startNanos, null, Request.invalid("type", "must be a string"));
            return;
        }
        String type = typeNode.textValue();
        String metricType = EdgeMetrics.knownType(type);
        if (!c.tryAcquire(startNanos)) {
            reply(c, metricType, id, startNanos, null,
                    new ProtocolException("RATE_LIMITED", "too many requests: slow down"));
            return;
        }
        CompletableFuture<ObjectNode> result;
        try {
            result = route(c, new Request(type, id, root));
        } catch (ProtocolException e) {
            reply(c, metricType, id, startNanos, null, e);
            return;
        } catch (RejectedExecutionException e) {
            reply(c, metricType, id, startNanos, null, overloaded());
            return;
        } catch (RuntimeException e) {
            reply(c, metricType, id, startNanos, null, internal(type, e));
            return;
        }
        result.orTimeout(requestTimeoutMs, TimeUnit.MILLISECONDS)
                .whenComplete((fields, failure) -> reply(c, metricType, id, startNanos, fields,
                        failure == null ? null : classify(type, failure)));
    }

    /** The one switch: message type to handler. */
    private CompletableFuture<ObjectNode> route(Connection c, Request r) {
        String type = r.type();
        if (EdgeMetrics.knownType(type).equals(EdgeMetrics.UNKNOWN_TYPE)) {
            throw new ProtocolException("UNKNOWN_TYPE", "unknown request type");
        }
        if (!PUBLIC_TYPES.contains(type) && !c.isAuthenticated()) {
            throw new ProtocolException("NOT_AUTHENTICATED", "log in, register or auth first");
        }
        if (!LOCAL_TYPES.contains(type) && !grid.isAvailable()) {
            throw new ProtocolException("SERVICE_UNAVAILABLE", "the grid is unreachable; retry shortly");
        }
        return switch (type) {
            case "ping" -> CompletableFuture.completedFuture(json.createObjectNode());
            case "register" -> handlers.onRegister(c, r);
            case "login" -> handlers.onLogin(c, r);
            case "auth" -> handlers.onAuth(c, r);
            case "logout" -> handlers.onLogout(c, r);
            case "wallet.balance" -> handlers.onBalance(c, r);
            case "wallet.deposit" -> handlers.onDeposit(c, r);
            case "wallet.withdraw" -> handlers.onWithdraw(c, r);
            case "slot.games" -> handlers.onSlotGames(c, r);
            case "slot.spin" -> handlers.onSpin(c, r);
            case "fair.seeds" -> handlers.onSeeds(c, r);
            case "fair.clientSeed" -> handlers.onClientSeed(c, r);
            case "fair.rotate" -> handlers.onRotate(c, r);
            case "fair.revealed" -> handlers.onRevealed(c, r);
            case "table.list" -> handlers.onTables(c, r);
            case "table.join" -> handlers.onJoin(c, r);
            case "table.leave" -> handlers.onLeave(c, r);
            case "table.bet" -> handlers.onBet(c, r);
            case "history" -> handlers.onHistory(c, r);
            case "limits.get" -> handlers.onLimits(c, r);
            case "limits.set" -> handlers.onSetLimit(c, r);
            case "self.exclude" -> handlers.onSelfExclude(c, r);
            default -> throw new IllegalStateException("type listed as known but not routed: " + type);
        };
    }

    private ProtocolException classify(String type, Throwable failure) {
        Throwable f = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (f instanceof ProtocolException p) {
            return p;
        }
        if (f instanceof TimeoutException || GridAvailability.isGridFailure(f)) {
            log.warn("{} failed on the grid: {}", type, f.toString());
            return new ProtocolException("SERVICE_UNAVAILABLE",
                    "the grid did not answer in time; retry (money requests with the same idempotency key)");
        }
        if (f instanceof RejectedExecutionException) {
            return overloaded();
        }
        return internal(type, f);
    }

    private static ProtocolException overloaded() {
        return new ProtocolException("OVERLOADED", "server busy; retry shortly");
    }

    private static ProtocolException internal(String type, Throwable f) {
        log.error("{} failed", type, f);
        return new ProtocolException("INTERNAL_ERROR", "internal error");
    }

    private void reply(Connection c, String metricType, JsonNode id, long startNanos, ObjectNode fields,
                       ProtocolException error) {
        ObjectNode frame = json.createObjectNode();
        if (error == null) {
            frame.put("type", metricType.equals(EdgeMetrics.UNKNOWN_TYPE) ? "invalid" : metricType);
            frame.set("id", id);
            frame.put("ok", true);
            frame.setAll(fields);
        } else {
            frame.put("type", "error");
            frame.set("id", id);
            frame.put("code", error.code());
            frame.put("message", error.getMessage());
        }
        metrics.request(metricType, error == null ? null : error.code(), System.nanoTime() - startNanos);
        try {
            c.send(json.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            log.error("Cannot serialise a reply to {}", metricType, e);
        }
    }
}
