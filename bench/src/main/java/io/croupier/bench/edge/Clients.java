package io.croupier.bench.edge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What the load generator and the edge benchmark share: one HTTP client, small executors, the timed request. */
public final class Clients {
    private Clients() {
    }

    /** The client's executor: every connection's callbacks run here (plus the client's one selector thread). */
    public static ExecutorService executor(int threads) {
        return Executors.newFixedThreadPool(threads, daemon("ws-client"));
    }

    public static ScheduledExecutorService timer() {
        return Executors.newSingleThreadScheduledExecutor(daemon("ws-timer"));
    }

    public static HttpClient http(ExecutorService executor) {
        return HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(30)).build();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Sends a request and records its latency under its type (send → reply) when it succeeds, or an error under
     * the reply's code (TIMEOUT after {@code timeoutMs}, CLOSED when the connection went away). The future always
     * completes normally with the reply, or exceptionally only on timeout or a lost connection.
     */
    public static CompletableFuture<PlayerSocket.Reply> timedCall(PlayerSocket socket, String type,
                                                                 ObjectNode request, Latencies latencies,
                                                                 long timeoutMs) {
        long sentNanos = System.nanoTime();
        CompletableFuture<PlayerSocket.Reply> reply = socket.call(request);
        return reply.orTimeout(timeoutMs, TimeUnit.MILLISECONDS).whenComplete((r, failure) -> {
            if (failure != null) {
                socket.abandon(reply);
                latencies.error(type, code(failure));
            } else if (r.errorCode() != null) {
                latencies.error(type, r.errorCode());
            } else {
                latencies.record(type, TimeUnit.NANOSECONDS.toMicros(r.receivedNanos() - sentNanos));
            }
        });
    }

    /** The error code a failed call is counted under. */
    public static String code(Throwable failure) {
        Throwable t = LoadGen.cause(failure);
        if (t instanceof ProtocolError p) {
            return p.code;
        }
        return LoadGen.isTimeout(t) ? "TIMEOUT" : "CLOSED";
    }

    /** A reply that was an error frame, where the caller cannot go on without success. */
    static final class ProtocolError extends RuntimeException {
        final String code;

        ProtocolError(String type, String code) {
            super(type + " failed: " + code);
            this.code = code;
        }
    }

    private static CompletableFuture<PlayerSocket.Reply> require(String type, CompletableFuture<PlayerSocket.Reply> f) {
        return f.thenApply(r -> {
            if (r.errorCode() != null) {
                throw new ProtocolError(type, r.errorCode());
            }
            return r;
        });
    }

    /** A registered player: the session token, and the table as {@code table.join} returned it (else null). */
    record Onboarded(String token, com.fasterxml.jackson.databind.JsonNode table) {
    }

    /**
     * A new player on this connection: register, first deposit, and (when {@code tableId} is set) a seat at that
     * table.
     */
    static CompletableFuture<Onboarded> onboard(PlayerSocket socket, String username, long deposit, String tableId,
                                             Latencies latencies, long timeoutMs) {
        return require("register", timedCall(socket, "register", Requests.register(username), latencies, timeoutMs))
                .thenCompose(reg -> require("wallet.deposit", timedCall(socket, "wallet.deposit",
                        Requests.deposit(deposit, "dep-" + username), latencies, timeoutMs))
                        .thenCompose(dep -> tableId == null ? CompletableFuture.completedFuture(null)
                                : require("table.join", timedCall(socket, "table.join", Requests.join(tableId),
                                latencies, timeoutMs)))
                        .thenApply(joined -> new Onboarded(reg.frame().path("token").asText(),
                                joined == null ? null : joined.frame().path("table"))));
    }
}
