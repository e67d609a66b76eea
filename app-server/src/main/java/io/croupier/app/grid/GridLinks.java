package io.croupier.app.grid;

import io.croupier.fraud.detect.DeviceLinks;
import io.croupier.fraud.detect.LinkKind;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the grid which device and address each session started from (MULTI_ACCOUNT): one affinity job per link, sent
 * to the link's primary node, which records and judges it there. A login never waits for it: the jobs are sent from
 * a thread of this class (bounded queue; full → dropped and counted) and their answers are not awaited.
 *
 * <p>The device fingerprint is hashed here (SHA-256): the client's string never leaves the app server. A loopback
 * address is not recorded: it is this host (a local benchmark, or a proxy that did not say who its client was), not
 * a player's address.
 */
public final class GridLinks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GridLinks.class);
    /** Sessions waiting to be sent; above it a session's links are dropped (counted in {@link #dropped()}). */
    static final int QUEUE_SESSIONS_MAX = 4_096;

    private final Ignite ignite;
    private final Clock clock;
    private final ThreadPoolExecutor sender;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();

    GridLinks(Ignite ignite, Clock clock) {
        this.ignite = ignite;
        this.clock = clock;
        this.sender = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_SESSIONS_MAX),
                r -> {
                    Thread t = new Thread(r, "croupier-links");
                    t.setDaemon(true);
                    return t;
                });
        sender.allowCoreThreadTimeOut(true);
    }

    /** A session started (login, registration or token resume); returns at once. */
    public void sessionStarted(long playerId, String remoteAddress, String device) {
        long atMs = clock.millis();
        try {
            sender.execute(() -> {
                if (device != null && !device.isEmpty()) {
                    send(LinkKind.DEVICE, DeviceLinks.deviceHash(device), playerId, atMs);
                }
                if (remoteAddress != null && !remoteAddress.isEmpty() && !isLoopback(remoteAddress)) {
                    send(LinkKind.IP, remoteAddress, playerId, atMs);
                }
            });
        } catch (RejectedExecutionException full) {
            dropped.increment();
        }
    }

    private void send(LinkKind kind, String value, long playerId, long atMs) {
        try {
            IgniteFuture<DeviceLinks.LinkCheck> f = DeviceLinks.recordAsync(ignite, kind, value, playerId, atMs);
            f.listen(done -> {
                try {
                    done.get();
                } catch (RuntimeException e) {
                    failed.increment();
                    log.debug("Link {} of player {} not recorded: {}", kind, playerId, e.toString());
                }
            });
        } catch (RuntimeException e) {
            // The grid is unreachable or the value is malformed: the session goes on without it.
            failed.increment();
            log.debug("Link {} of player {} not sent: {}", kind, playerId, e.toString());
        }
    }

    static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
    }

    /** Sessions whose links were dropped because the queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    /** Links that could not be sent or recorded. */
    public long failed() {
        return failed.sum();
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
