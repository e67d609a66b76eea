package io.croupier.rg;

import java.io.Serializable;
import java.util.Objects;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/**
 * Key of an RG_EVENT row: the player (partition) and an event id. Ids that name a fact ({@code reached:LOSS_DAY:
 * <day>}, {@code admin:<action key>}) make the row idempotent; others are random.
 */
public final class RgEventKey implements Serializable, Comparable<RgEventKey> {
    private static final long serialVersionUID = 1L;

    @AffinityKeyMapped
    private final long playerId;
    private final String eventId;

    public RgEventKey(long playerId, String eventId) {
        this.playerId = playerId;
        this.eventId = Objects.requireNonNull(eventId, "eventId");
    }

    public long playerId() {
        return playerId;
    }

    public String eventId() {
        return eventId;
    }

    @Override
    public int compareTo(RgEventKey o) {
        int c = Long.compare(playerId, o.playerId);
        return c != 0 ? c : eventId.compareTo(o.eventId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgEventKey k && k.playerId == playerId && k.eventId.equals(eventId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(playerId, eventId);
    }
}
