package io.croupier.fair;

import java.io.Serializable;
import java.util.Objects;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/** Key of a revealed seed: the player (affinity) and the commitment it was published under. */
public final class SeedKey implements Serializable {
    private static final long serialVersionUID = 1L;

    @AffinityKeyMapped
    private final long playerId;
    private final String serverSeedHash;

    public SeedKey(long playerId, String serverSeedHash) {
        this.playerId = playerId;
        this.serverSeedHash = Objects.requireNonNull(serverSeedHash, "serverSeedHash");
    }

    public long playerId() {
        return playerId;
    }

    public String serverSeedHash() {
        return serverSeedHash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeedKey k && k.playerId == playerId && k.serverSeedHash.equals(serverSeedHash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(playerId) * 31 + serverSeedHash.hashCode();
    }

    @Override
    public String toString() {
        return "SeedKey{" + playerId + ", " + serverSeedHash + "}";
    }
}
