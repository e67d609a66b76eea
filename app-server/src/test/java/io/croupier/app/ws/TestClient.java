package io.croupier.app.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A player's connection for tests: the JDK WebSocket client, replies by correlation id, events in a queue. */
final class TestClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
    /** Every event received, in order; kept so a wait can find one that arrived before it started. */
    private final java.util.List<JsonNode> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final AtomicInteger ids = new AtomicInteger();

    TestClient(URI uri) {
        this(uri, null);
    }

    TestClient(URI uri, String origin) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        this.socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        JsonNode node = JSON.readTree(partial.toString());
                        ("event".equals(node.path("type").asText()) ? events : replies).add(node);
                    } catch (Exception e) {
                        replies.add(JSON.createObjectNode().put("unparseable", partial.toString()));
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closeCode.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closeCode.complete(-1);
            }
        }).join();
    }

    /** Sends a request of this type with these fields and waits for the frame answering it. */
    JsonNode call(String type, Map<String, ?> fields) {
        String id = "r" + ids.incrementAndGet();
        ObjectNode request = JSON.createObjectNode().put("type", type).put("id", id);
        request.setAll((ObjectNode) JSON.valueToTree(fields));
        sendRaw(request.toString());
        return awaitReply(id);
    }

    JsonNode call(String type) {
        return call(type, Map.of());
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** One text message sent as several frames, as browsers may. */
    void sendFragments(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).join();
        }
    }

    JsonNode awaitReply(String id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            JsonNode next;
            try {
                next = replies.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (next != null && (id == null || id.equals(next.path("id").asText(null)))) {
                return next;
            }
        }
        throw new AssertionError("no reply to " + id);
    }

    /** The next reply, whatever its id (for requests without one). */
    JsonNode nextReply() {
        return awaitReply(null);
    }

    /** Waits until an event matching the predicate has arrived (also before the call); returns the first such. */
    JsonNode awaitEvent(Predicate<JsonNode> matches, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            for (JsonNode e : events) {
                if (matches.test(e)) {
                    return e;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        }
        throw new AssertionError("no matching event within " + timeoutMs + " ms; got " + events);
    }

    void clearEvents() {
        events.clear();
    }

    /** The events named {@code name} received so far, in arrival order. */
    java.util.List<JsonNode> events(String name) {
        return events.stream().filter(e -> name.equals(e.path("event").asText())).toList();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
