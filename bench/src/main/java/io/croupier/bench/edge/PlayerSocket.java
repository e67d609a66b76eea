package io.croupier.bench.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * One WebSocket connection of the load generator on the JDK client ({@code java.net.http}), which shares one selector
 * thread and one small executor across every connection of its {@link HttpClient} (Tyrus's client builds a transport
 * per connection). At most one request is outstanding per connection, matched to its reply by id; pushed events go to
 * a callback. With {@code raw} set (the echo endpoint) frames are not parsed: any frame answers the request.
 */
public final class PlayerSocket implements WebSocket.Listener {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** A reply and when it arrived ({@link System#nanoTime()}); {@code frame} is null on a raw connection. */
    public record Reply(JsonNode frame, String text, long receivedNanos) {
        public boolean ok() {
            return frame == null || frame.path("ok").asBoolean(false);
        }

        /** The error code of an error frame, else null. */
        public String errorCode() {
            return frame != null && "error".equals(frame.path("type").asText()) ? frame.path("code").asText("?") : null;
        }
    }

    private final boolean raw;
    private final BiConsumer<PlayerSocket, JsonNode> onEvent;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile String closeReason = "open";
    /** Sends on one JDK WebSocket must not overlap: each waits for the previous one. Guarded by this. */
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private long nextId;
    private String pendingId;
    private CompletableFuture<Reply> pending;

    private PlayerSocket(boolean raw, BiConsumer<PlayerSocket, JsonNode> onEvent) {
        this.raw = raw;
        this.onEvent = onEvent;
    }

    /** Opens a connection; {@code onEvent} runs on the client's executor for every pushed event. */
    public static CompletableFuture<PlayerSocket> open(HttpClient http, URI uri, boolean raw,
                                                       BiConsumer<PlayerSocket, JsonNode> onEvent) {
        return open(http, uri, raw, Map.of(), onEvent);
    }

    /**
     * Opens a connection with extra handshake headers (e.g. {@code X-Forwarded-For}, as a proxy in front of the app
     * servers would set it for the client's address).
     */
    public static CompletableFuture<PlayerSocket> open(HttpClient http, URI uri, boolean raw,
                                                       Map<String, String> headers,
                                                       BiConsumer<PlayerSocket, JsonNode> onEvent) {
        PlayerSocket s = new PlayerSocket(raw, onEvent);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        return builder.buildAsync(uri, s).thenApply(ws -> {
            s.socket = ws;
            return s;
        });
    }

    /**
     * Sends a request with a fresh id; the future completes with its reply (an error frame too). The caller must wait
     * for it before the next call: one outstanding request per connection.
     */
    public CompletableFuture<Reply> call(ObjectNode request) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        String text;
        synchronized (this) {
            if (pending != null) {
                throw new IllegalStateException("a request is already outstanding on this connection");
            }
            pendingId = Long.toString(++nextId);
            pending = reply;
            text = raw ? request.toString() : request.put("id", pendingId).toString();
        }
        return send(text, reply);
    }

    /** Sends a frame as is (the echo endpoint): the next frame received answers it. */
    CompletableFuture<Reply> echo(String text) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        synchronized (this) {
            if (pending != null) {
                throw new IllegalStateException("a request is already outstanding on this connection");
            }
            pendingId = null;
            pending = reply;
        }
        return send(text, reply);
    }

    private CompletableFuture<Reply> send(String text, CompletableFuture<Reply> reply) {
        synchronized (this) {
            lastSend = lastSend.handle((x, e) -> null).thenCompose(x -> socket.sendText(text, true))
                    .whenComplete((ws, failure) -> {
                        if (failure != null) {
                            fail(closed.isDone() ? new IllegalStateException("send after close: " + closeReason,
                                    failure) : failure);
                        }
                    });
        }
        return reply;
    }

    /** Forgets an outstanding request (after its timeout), so the connection can be used again. */
    synchronized void abandon(CompletableFuture<Reply> reply) {
        if (pending == reply) {
            pending = null;
            pendingId = null;
        }
    }

    private void fail(Throwable failure) {
        CompletableFuture<Reply> p;
        synchronized (this) {
            p = pending;
            pending = null;
            pendingId = null;
        }
        if (p != null) {
            p.completeExceptionally(failure);
        }
    }

    CompletableFuture<Integer> closed() {
        return closed;
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    public void close() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        closeReason = "closed here";
        closed.complete(1000);
        fail(new IllegalStateException("connection closed"));
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        String text = null;
        if (last && partial.length() == 0) {
            text = data.toString();
        } else {
            partial.append(data);
            if (last) {
                text = partial.toString();
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        if (text != null) {
            onFrame(text, now);
        }
        return null;
    }

    private void onFrame(String text, long receivedNanos) {
        if (raw) {
            complete(null, new Reply(null, text, receivedNanos));
            return;
        }
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (Exception e) {
            fail(new IllegalStateException("unparseable frame: " + text));
            return;
        }
        if ("event".equals(frame.path("type").asText())) {
            onEvent.accept(this, frame);
            return;
        }
        complete(frame.path("id").asText(null), new Reply(frame, text, receivedNanos));
    }

    private void complete(String id, Reply reply) {
        CompletableFuture<Reply> p = null;
        synchronized (this) {
            if (pending != null && (raw || id == null || id.equals(pendingId))) {
                p = pending;
                pending = null;
                pendingId = null;
            }
        }
        if (p != null) {
            p.complete(reply);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = "closed by the server: " + statusCode + " " + reason;
        closed.complete(statusCode);
        fail(new IllegalStateException("closed by the server: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeReason = "error: " + error;
        closed.complete(-1);
        fail(error);
    }
}
