package io.croupier.app.grid;

import io.croupier.fraud.detect.DeviceLinks;
import io.croupier.player.PlayerSession;
import io.croupier.player.Seat;
import io.croupier.schema.CacheSchema;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

/**
 * The grid side of players' sessions: session rows (a token is honoured only while its row lives), seats, and the
 * token signing key every app server shares. Nothing of a session is kept only in an app server's memory.
 */
public final class GridSessions {
    static final String SIGNING_KEY = "token-signing-key";
    private static final int SIGNING_KEY_BYTES = 32;

    private final IgniteCache<String, PlayerSession> sessions;
    private final IgniteCache<Long, Seat> seats;
    private final IgniteCache<String, byte[]> keys;
    private final Clock clock;

    GridSessions(Ignite ignite, Clock clock) {
        this.sessions = ignite.cache(CacheSchema.SESSION);
        this.seats = ignite.cache(CacheSchema.SEAT);
        this.keys = ignite.cache(CacheSchema.EDGE_KEY);
        this.clock = clock;
    }

    /**
     * The key tokens are signed with: made from the OS's CSPRNG by the first app server that asks, then the same for
     * all (put-if-absent decides a race). It lives only in the grid, never in a file of the project.
     */
    public byte[] signingKey() {
        byte[] existing = keys.get(SIGNING_KEY);
        if (existing != null) {
            return existing;
        }
        byte[] fresh = new byte[SIGNING_KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        keys.putIfAbsent(SIGNING_KEY, fresh);
        return keys.get(SIGNING_KEY);
    }

    /**
     * Writes the session row with a time to live: the grid removes it when the token expires. The device fingerprint
     * is stored as its SHA-256 (as in DEVICE_LINK), never as the client sent it.
     */
    public void open(String sessionId, long playerId, long expiresAtMs, String remoteAddress, String device) {
        long now = clock.millis();
        ExpiryPolicy ttl = new CreatedExpiryPolicy(new Duration(TimeUnit.MILLISECONDS, Math.max(1, expiresAtMs - now)));
        String deviceHash = device == null || device.isEmpty() ? null : DeviceLinks.deviceHash(device);
        sessions.withExpiryPolicy(ttl).put(sessionId, new PlayerSession(playerId, new Timestamp(now),
                new Timestamp(expiresAtMs), remoteAddress, deviceHash));
    }

    /** The live session of that id and player, if it exists and has not expired. */
    public boolean isLive(String sessionId, long playerId) {
        PlayerSession s = sessions.get(sessionId);
        return s != null && s.playerId() == playerId && s.expiresAt().getTime() > clock.millis();
    }

    /** Ends a session on every app server: its token stops working at the next check. */
    public void close(String sessionId) {
        sessions.remove(sessionId);
    }

    public Optional<String> seat(long playerId) {
        return Optional.ofNullable(seats.get(playerId)).map(Seat::tableId);
    }

    public void sit(long playerId, String tableId) {
        seats.put(playerId, new Seat(tableId, new Timestamp(clock.millis())));
    }

    public void stand(long playerId) {
        seats.remove(playerId);
    }
}
