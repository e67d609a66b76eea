package io.croupier.slots;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * The record of one slot round (cache {@code round}, SQL table ROUND): enough to show it in the player's history
 * and to replay it bit-exactly once its server seed is revealed (game, seeds' commitment, client seed, nonce,
 * stake → stops → win).
 */
public final class SlotRound implements Serializable {
    private static final long serialVersionUID = 1L;

    private final UUID roundId;
    private final long playerId;
    private final String game;
    private final String idempotencyKey;
    private final long stake;
    private final long win;
    private final String currency;
    /** Reel stops, comma-separated, reel 1 first. */
    private final String stops;
    /** The visible window, rows separated by '|', symbols by ',' (top row first). */
    private final String symbols;
    private final long balanceBefore;
    private final long balanceAfter;
    private final String serverSeedHash;
    private final String clientSeed;
    private final long nonce;
    private final Timestamp createdAt;

    public SlotRound(UUID roundId, long playerId, String game, String idempotencyKey, long stake, long win,
                     String currency, String stops, String symbols, long balanceBefore, long balanceAfter,
                     String serverSeedHash, String clientSeed, long nonce, Timestamp createdAt) {
        this.roundId = roundId;
        this.playerId = playerId;
        this.game = game;
        this.idempotencyKey = idempotencyKey;
        this.stake = stake;
        this.win = win;
        this.currency = currency;
        this.stops = stops;
        this.symbols = symbols;
        this.balanceBefore = balanceBefore;
        this.balanceAfter = balanceAfter;
        this.serverSeedHash = serverSeedHash;
        this.clientSeed = clientSeed;
        this.nonce = nonce;
        this.createdAt = createdAt;
    }

    public RoundKey key() {
        return new RoundKey(roundId, playerId);
    }

    public UUID roundId() {
        return roundId;
    }

    public long playerId() {
        return playerId;
    }

    public String game() {
        return game;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public long stake() {
        return stake;
    }

    public long win() {
        return win;
    }

    public String currency() {
        return currency;
    }

    public String stops() {
        return stops;
    }

    public int[] stopsArray() {
        String[] parts = stops.split(",");
        int[] result = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            result[i] = Integer.parseInt(parts[i]);
        }
        return result;
    }

    public String symbols() {
        return symbols;
    }

    public long balanceBefore() {
        return balanceBefore;
    }

    public long balanceAfter() {
        return balanceAfter;
    }

    public String serverSeedHash() {
        return serverSeedHash;
    }

    public String clientSeed() {
        return clientSeed;
    }

    public long nonce() {
        return nonce;
    }

    public Timestamp createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "SlotRound{" + roundId + ", " + game + ", stake=" + stake + ", win=" + win + ", stops=" + stops
                + ", nonce=" + nonce + "}";
    }
}
