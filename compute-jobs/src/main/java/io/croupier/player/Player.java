package io.croupier.player;

import java.io.Serializable;
import java.sql.Timestamp;

/** Value of the PLAYER cache (key: player id). SQL: CROUPIER.PLAYER. */
public final class Player implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String username;
    private final String currency;
    private final String status;
    private final Timestamp createdAt;

    public Player(String username, String currency, PlayerStatus status, Timestamp createdAt) {
        this.username = username;
        this.currency = currency;
        this.status = status.name();
        this.createdAt = createdAt;
    }

    /** The same account with another status (an administrator's block or unblock, a self-exclusion). */
    public Player withStatus(PlayerStatus newStatus) {
        return new Player(username, currency, newStatus, createdAt);
    }

    public String username() {
        return username;
    }

    public String currency() {
        return currency;
    }

    public PlayerStatus status() {
        return PlayerStatus.valueOf(status);
    }

    public Timestamp createdAt() {
        return createdAt;
    }
}
