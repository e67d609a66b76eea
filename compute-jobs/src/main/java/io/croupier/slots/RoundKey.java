package io.croupier.slots;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/** Key of a game round: the round id (= the transfer id of its money) and the player (affinity). */
public final class RoundKey implements Serializable, Comparable<RoundKey> {
    private static final long serialVersionUID = 1L;

    private final UUID roundId;
    @AffinityKeyMapped
    private final long playerId;

    public RoundKey(UUID roundId, long playerId) {
        this.roundId = Objects.requireNonNull(roundId, "roundId");
        this.playerId = playerId;
    }

    public UUID roundId() {
        return roundId;
    }

    public long playerId() {
        return playerId;
    }

    @Override
    public int compareTo(RoundKey o) {
        int c = Long.compare(playerId, o.playerId);
        return c != 0 ? c : roundId.compareTo(o.roundId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoundKey k && k.playerId == playerId && k.roundId.equals(roundId);
    }

    @Override
    public int hashCode() {
        return roundId.hashCode() * 31 + Long.hashCode(playerId);
    }

    @Override
    public String toString() {
        return "RoundKey{" + roundId + ", player=" + playerId + "}";
    }
}
