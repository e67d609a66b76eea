package io.croupier.player;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * Value of the ACCOUNT cache: a player's login, keyed by the lower-cased username (the key makes usernames unique).
 * SQL: CROUPIER.ACCOUNT, without the password hash.
 */
public final class Account implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long playerId;
    private final String username;
    private final String passwordHash;
    private final Timestamp createdAt;

    public Account(long playerId, String username, String passwordHash, Timestamp createdAt) {
        this.playerId = playerId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    /** The cache key of a username: logins are case-insensitive. */
    public static String key(String username) {
        return username.toLowerCase(java.util.Locale.ROOT);
    }

    public long playerId() {
        return playerId;
    }

    /** As the player typed it at registration. */
    public String username() {
        return username;
    }

    /** A one-way hash in the format of the edge's password encoder (bcrypt), never the password. */
    public String passwordHash() {
        return passwordHash;
    }

    public Timestamp createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Account[" + username + " -> " + playerId + "]";
    }
}
