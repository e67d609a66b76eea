package io.croupier.wallet;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/** One posting of a transfer. Colocated with the player, so a transfer's rows live in the wallet's partition. */
public final class LedgerKey implements Serializable, Comparable<LedgerKey> {
    private static final long serialVersionUID = 1L;

    private final UUID transferId;
    private final int posting;
    @AffinityKeyMapped
    private final long playerId;

    public LedgerKey(UUID transferId, int posting, long playerId) {
        this.transferId = transferId;
        this.posting = posting;
        this.playerId = playerId;
    }

    public UUID transferId() {
        return transferId;
    }

    public int posting() {
        return posting;
    }

    public long playerId() {
        return playerId;
    }

    /** Lock order inside a group commit: by player, then transfer, then posting. */
    @Override
    public int compareTo(LedgerKey o) {
        int c = Long.compare(playerId, o.playerId);
        if (c == 0) {
            c = transferId.compareTo(o.transferId);
        }
        return c != 0 ? c : Integer.compare(posting, o.posting);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerKey k && k.posting == posting && k.playerId == playerId
                && k.transferId.equals(transferId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transferId, posting, playerId);
    }

    @Override
    public String toString() {
        return transferId + "#" + posting;
    }
}
