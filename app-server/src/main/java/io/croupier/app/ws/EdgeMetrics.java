package io.croupier.app.ws;

import io.croupier.app.grid.GridLinks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The edge's meters, Prometheus-named, no per-player labels: the label values are bounded sets (message types from
 * the protocol, error codes from the code, event names).
 * <ul>
 *   <li>{@code croupier_ws_requests_seconds{type,outcome}}: latency histogram per message type; outcome ok|error</li>
 *   <li>{@code croupier_ws_errors_total{type,code}}: errors by code</li>
 *   <li>{@code croupier_ws_connections}, {@code croupier_ws_players}: open connections, distinct players on them</li>
 *   <li>{@code croupier_ws_outbound_queued_messages}, {@code croupier_ws_outbound_queue_max_messages}</li>
 *   <li>{@code croupier_ws_push_lag_seconds{event}}: commit (as the grid row says) to frame queued</li>
 *   <li>{@code croupier_ws_closed_slow_total}: connections closed because their outbound queue was full</li>
 *   <li>{@code croupier_links_dropped_total}, {@code croupier_links_failed_total}: sessions whose device and address
 *       links were not sent (queue full) or not recorded (grid error); MULTI_ACCOUNT misses them</li>
 * </ul>
 */
final class EdgeMetrics {
    static final String UNKNOWN_TYPE = "unknown";
    static final Set<String> TYPES = Set.of("ping", "register", "login", "auth", "logout", "wallet.balance",
            "wallet.deposit", "wallet.withdraw", "slot.games", "slot.spin", "fair.seeds", "fair.clientSeed",
            "fair.rotate", "fair.revealed", "table.list", "table.join", "table.leave", "table.bet", "history", "limits.get", "limits.set",
            "self.exclude");

    private final MeterRegistry registry;
    private final Map<String, Timer> okTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer> errorTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final Map<String, Timer> pushLag = new ConcurrentHashMap<>();
    private final Counter closedSlow;

    EdgeMetrics(MeterRegistry registry, Connections connections, GridLinks links) {
        this.registry = registry;
        FunctionCounter.builder("croupier.links.dropped", links, GridLinks::dropped)
                .description("Sessions whose device and address links were dropped: the queue was full")
                .register(registry);
        FunctionCounter.builder("croupier.links.failed", links, GridLinks::failed)
                .description("Device and address links that could not be sent or recorded").register(registry);
        Gauge.builder("croupier.ws.connections", connections, Connections::size)
                .description("Open WebSocket connections").register(registry);
        Gauge.builder("croupier.ws.players", connections, Connections::players)
                .description("Distinct authenticated players connected").register(registry);
        Gauge.builder("croupier.ws.outbound.queued", connections, Connections::queuedMessages).baseUnit("messages")
                .description("Messages waiting in all outbound queues").register(registry);
        Gauge.builder("croupier.ws.outbound.queue.max", connections, Connections::queuedMessagesMax)
                .baseUnit("messages").description("Longest outbound queue of one connection").register(registry);
        closedSlow = Counter.builder("croupier.ws.closed.slow")
                .description("Connections closed because the client did not drain its outbound queue")
                .register(registry);
    }

    /** Tasks on the WebSocket container's timer: about one per open session; growth beyond that is a leak. */
    void watchTimer(EdgeContainer container) {
        Gauge.builder("croupier.ws.timer.tasks", container, EdgeContainer::timerTasks)
                .description("Tasks waiting on the WebSocket container's timer (idle timers: one per session)")
                .register(registry);
    }

    /** A type for labels: a protocol type, else "unknown" (a client cannot grow the label set). */
    static String knownType(String type) {
        return TYPES.contains(type) ? type : UNKNOWN_TYPE;
    }

    void request(String type, String errorCode, long nanos) {
        Map<String, Timer> timers = errorCode == null ? okTimers : errorTimers;
        timers.computeIfAbsent(type, t -> Timer.builder("croupier.ws.requests")
                .description("Requests by message type, from frame received to reply queued")
                .tags("type", t, "outcome", errorCode == null ? "ok" : "error")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        if (errorCode != null) {
            errors.computeIfAbsent(type + '\0' + errorCode, k -> Counter.builder("croupier.ws.errors")
                    .description("Error replies by message type and code")
                    .tags("type", type, "code", errorCode).register(registry)).increment();
        }
    }

    void pushLag(String event, long lagMs) {
        pushLag.computeIfAbsent(event, e -> Timer.builder("croupier.ws.push.lag")
                .description("From the commit time the grid carries to the event frame queued for the player")
                .tag("event", e)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(Math.max(0, lagMs), TimeUnit.MILLISECONDS);
    }

    void closedSlow() {
        closedSlow.increment();
    }
}
