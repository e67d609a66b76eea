package io.croupier.app.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One player's WebSocket connection on this app server. It holds only what can be rebuilt from the grid on any app
 * server (who is authenticated, where they sit); the grid holds the session itself.
 *
 * <p>Outbound messages go through a bounded queue with one asynchronous send in flight: {@link #send} never blocks,
 * so a broadcast to a table never waits for a slow client; a client that lets the queue fill up is closed.
 */
final class Connection {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    private static final ThreadLocal<Boolean> SENDING_ON_THIS_THREAD = ThreadLocal.withInitial(() -> false);

    private final Session session;
    private final String remoteAddress;
    private final RateLimiter rateLimiter;
    private final ArrayBlockingQueue<String> outbound;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Executor closer;
    private final Runnable onClosedSlow;

    /** The authenticated player, 0 before {@code auth}/{@code login}. */
    private volatile long playerId;
    private volatile String sessionId;
    private volatile String currency;
    /** The table this connection receives, null when not seated. */
    private volatile String tableId;
    /** A client-supplied device fingerprint (login/register/auth), passed to the session row. */
    private volatile String device;
    /** When the client last sent a frame (a message or a pong), {@link System#nanoTime()}. */
    private volatile long lastHeardNanos = System.nanoTime();

    Connection(Session session, String remoteAddress, RateLimiter rateLimiter, int outboundMessagesMax,
               Executor closer, Runnable onClosedSlow) {
        this.onClosedSlow = onClosedSlow;
        this.session = session;
        this.remoteAddress = remoteAddress;
        this.rateLimiter = rateLimiter;
        this.outbound = new ArrayBlockingQueue<>(outboundMessagesMax);
        this.closer = closer;
    }

    String id() {
        return session.getId();
    }

    String remoteAddress() {
        return remoteAddress;
    }

    /** The client sent a frame: it is not idle. */
    void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    /** Whether the client has sent nothing, not even a pong, for longer than {@code idleNanos}. */
    boolean silentFor(long nowNanos, long idleNanos) {
        return nowNanos - lastHeardNanos > idleNanos;
    }

    boolean tryAcquire(long nowNanos) {
        return rateLimiter.tryAcquire(nowNanos);
    }

    long playerId() {
        return playerId;
    }

    boolean isAuthenticated() {
        return playerId > 0;
    }

    String sessionId() {
        return sessionId;
    }

    String currency() {
        return currency;
    }

    void authenticate(long playerId, String sessionId, String currency) {
        this.sessionId = sessionId;
        this.currency = currency;
        this.playerId = playerId;
    }

    void clearAuthentication() {
        this.playerId = 0;
        this.sessionId = null;
        this.currency = null;
        this.tableId = null;
    }

    String tableId() {
        return tableId;
    }

    void tableId(String tableId) {
        this.tableId = tableId;
    }

    String device() {
        return device;
    }

    void device(String device) {
        this.device = device;
    }

    int queued() {
        return outbound.size();
    }

    boolean isOpen() {
        return !closing.get() && session.isOpen();
    }

    /** Queues a text frame; false (and the connection closing) when the client has not kept up. Never blocks. */
    boolean send(String text) {
        if (closing.get()) {
            return false;
        }
        if (!outbound.offer(text)) {
            onClosedSlow.run();
            close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "outbound queue full: client too slow");
            return false;
        }
        drain();
        return true;
    }

    /**
     * Sends queued messages, one in flight. A send that completes on this very thread (Tyrus may write at once) does
     * not recurse: the loop here takes the next message.
     */
    private void drain() {
        while (!closing.get() && sending.compareAndSet(false, true)) {
            String next = outbound.poll();
            if (next == null) {
                sending.set(false);
                if (outbound.isEmpty()) {
                    return;
                }
                continue;
            }
            SENDING_ON_THIS_THREAD.set(true);
            try {
                session.getAsyncRemote().sendText(next, this::onSent);
            } catch (RuntimeException e) {
                sending.set(false);
                close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
                return;
            } finally {
                SENDING_ON_THIS_THREAD.set(false);
            }
        }
    }

    private void onSent(SendResult result) {
        if (!result.isOK()) {
            log.debug("Send to {} failed: {}", session.getId(), String.valueOf(result.getException()));
            sending.set(false);
            close(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed");
            return;
        }
        sending.set(false);
        if (!SENDING_ON_THIS_THREAD.get()) {
            drain();
        }
    }

    /** Closes once, off the caller's thread (a close writes a frame; a broadcaster must not wait for it). */
    void close(CloseReason.CloseCode code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        outbound.clear();
        closer.execute(() -> {
            try {
                session.close(new CloseReason(code, reason));
            } catch (IOException | RuntimeException e) {
                log.debug("Closing {}: {}", session.getId(), e.toString());
            }
        });
    }

    void ping() {
        if (closing.get() || !session.isOpen()) {
            return;
        }
        try {
            session.getAsyncRemote().sendPing(java.nio.ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
            log.debug("Ping to {} failed: {}", session.getId(), e.toString());
        }
    }
}
