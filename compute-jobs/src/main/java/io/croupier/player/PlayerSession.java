package io.croupier.player;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * Value of the SESSION cache (key: session id, the id a player's token names). A token is honoured only while its
 * session row exists and has not expired, so deleting the row logs the player out on every app server at once.
 * SQL: CROUPIER.SESSION. The remote address and device fingerprint are what the edge saw at login.
 */
public final class PlayerSession implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long playerId;
    private final Timestamp createdAt;
    private final Timestamp expiresAt;
    private final String remoteAddress;
    private final String deviceFingerprint;

    public PlayerSession(long playerId, Timestamp createdAt, Timestamp expiresAt, String remoteAddress,
                         String deviceFingerprint) {
        this.playerId = playerId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.remoteAddress = remoteAddress;
        this.deviceFingerprint = deviceFingerprint;
    }

    public long playerId() {
        return playerId;
    }

    public Timestamp createdAt() {
        return createdAt;
    }

    public Timestamp expiresAt() {
        return expiresAt;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public String deviceFingerprint() {
        return deviceFingerprint;
    }
}
