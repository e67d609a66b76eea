package io.croupier.roulette;

import java.io.Serializable;
import java.util.Objects;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/** Key of a table round: the table (affinity: all of a table's rounds and bets share its partition) and the round number. */
public final class TableRoundKey implements Serializable {
    private static final long serialVersionUID = 1L;

    @AffinityKeyMapped
    private final String tableId;
    private final long roundNo;

    public TableRoundKey(String tableId, long roundNo) {
        this.tableId = Objects.requireNonNull(tableId, "tableId");
        this.roundNo = roundNo;
    }

    public String tableId() {
        return tableId;
    }

    public long roundNo() {
        return roundNo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableRoundKey k && k.roundNo == roundNo && k.tableId.equals(tableId);
    }

    @Override
    public int hashCode() {
        return tableId.hashCode() * 31 + Long.hashCode(roundNo);
    }

    @Override
    public String toString() {
        return tableId + "#" + roundNo;
    }
}
