package io.croupier.fraud.detect;

import io.croupier.check.Check;
import java.io.Serializable;
import java.util.Objects;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/**
 * Key of a TABLE_PAIR row: two players at one table, the lower id first. Colocated by table, with the table's rounds
 * and bets, so the table's driver node updates it locally after each round.
 */
public final class TablePairKey implements Serializable, Comparable<TablePairKey> {
    private static final long serialVersionUID = 1L;

    @AffinityKeyMapped
    private final String tableId;
    private final long lowerPlayerId;
    private final long higherPlayerId;

    public TablePairKey(String tableId, long lowerPlayerId, long higherPlayerId) {
        Check.argument(lowerPlayerId < higherPlayerId, "a pair is two players, the lower id first");
        this.tableId = Objects.requireNonNull(tableId, "tableId");
        this.lowerPlayerId = lowerPlayerId;
        this.higherPlayerId = higherPlayerId;
    }

    /** The pair of two different players, in either order. */
    public static TablePairKey of(String tableId, long playerA, long playerB) {
        return new TablePairKey(tableId, Math.min(playerA, playerB), Math.max(playerA, playerB));
    }

    public String tableId() {
        return tableId;
    }

    public long lowerPlayerId() {
        return lowerPlayerId;
    }

    public long higherPlayerId() {
        return higherPlayerId;
    }

    /** The alert subject: {@code pair:<lower>-<higher>@<table>} (table ids are at most 24 characters). */
    String subject() {
        return "pair:" + lowerPlayerId + "-" + higherPlayerId + "@" + tableId;
    }

    @Override
    public int compareTo(TablePairKey o) {
        int c = tableId.compareTo(o.tableId);
        if (c == 0) c = Long.compare(lowerPlayerId, o.lowerPlayerId);
        return c != 0 ? c : Long.compare(higherPlayerId, o.higherPlayerId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TablePairKey k && k.lowerPlayerId == lowerPlayerId && k.higherPlayerId == higherPlayerId
                && k.tableId.equals(tableId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tableId, lowerPlayerId, higherPlayerId);
    }

    @Override
    public String toString() {
        return subject();
    }
}
