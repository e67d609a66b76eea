package io.croupier.fair;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * A server seed that is no longer in play (cache {@code revealed_seed}, SQL table REVEALED_SEED): with it anyone
 * recomputes every round played under its commitment, nonces 0 to {@code noncesUsed − 1}.
 */
public final class RevealedSeed implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long playerId;
    private final String serverSeed;
    private final String serverSeedHash;
    private final String lastClientSeed;
    private final long noncesUsed;
    private final Timestamp createdAt;
    private final Timestamp revealedAt;

    RevealedSeed(long playerId, String serverSeed, String serverSeedHash, String lastClientSeed, long noncesUsed,
                 Timestamp createdAt, Timestamp revealedAt) {
        this.playerId = playerId;
        this.serverSeed = serverSeed;
        this.serverSeedHash = serverSeedHash;
        this.lastClientSeed = lastClientSeed;
        this.noncesUsed = noncesUsed;
        this.createdAt = createdAt;
        this.revealedAt = revealedAt;
    }

    public SeedKey key() {
        return new SeedKey(playerId, serverSeedHash);
    }

    public long playerId() {
        return playerId;
    }

    public String serverSeed() {
        return serverSeed;
    }

    public String serverSeedHash() {
        return serverSeedHash;
    }

    public String lastClientSeed() {
        return lastClientSeed;
    }

    public long noncesUsed() {
        return noncesUsed;
    }

    public Timestamp createdAt() {
        return createdAt;
    }

    public Timestamp revealedAt() {
        return revealedAt;
    }
}
