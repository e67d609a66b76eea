package io.croupier.wallet;

import java.io.Serializable;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/** Idempotency scope: a key is unique per player. Colocated with the player's wallet. */
public final class TransferKey implements Serializable, Comparable<TransferKey> {
    private static final long serialVersionUID = 1L;

    @AffinityKeyMapped
    private final long playerId;
    private final String idempotencyKey;

    public TransferKey(long playerId, String idempotencyKey) {
        this.playerId = playerId;
        this.idempotencyKey = idempotencyKey;
    }

    public long playerId() {
        return playerId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    @Override
    public int compareTo(TransferKey o) {
        int byPlayer = Long.compare(playerId, o.playerId);
        return byPlayer != 0 ? byPlayer : idempotencyKey.compareTo(o.idempotencyKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferKey k && k.playerId == playerId && k.idempotencyKey.equals(idempotencyKey);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(playerId) * 31 + idempotencyKey.hashCode();
    }

    @Override
    public String toString() {
        return playerId + "/" + idempotencyKey;
    }
}
