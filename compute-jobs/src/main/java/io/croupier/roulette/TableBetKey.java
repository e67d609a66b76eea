package io.croupier.roulette;

import java.io.Serializable;
import java.util.Objects;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/** Key of one bet on a table round: table (affinity), round, player, the player's request key, and the bet's position in it. */
public final class TableBetKey implements Serializable, Comparable<TableBetKey> {
    private static final long serialVersionUID = 1L;

    @AffinityKeyMapped
    private final String tableId;
    private final long roundNo;
    private final long playerId;
    private final String betKey;
    private final int position;

    public TableBetKey(String tableId, long roundNo, long playerId, String betKey, int position) {
        this.tableId = Objects.requireNonNull(tableId, "tableId");
        this.roundNo = roundNo;
        this.playerId = playerId;
        this.betKey = Objects.requireNonNull(betKey, "betKey");
        this.position = position;
    }

    public String tableId() {
        return tableId;
    }

    public long roundNo() {
        return roundNo;
    }

    public long playerId() {
        return playerId;
    }

    public String betKey() {
        return betKey;
    }

    public int position() {
        return position;
    }

    @Override
    public int compareTo(TableBetKey o) {
        int c = tableId.compareTo(o.tableId);
        if (c == 0) c = Long.compare(roundNo, o.roundNo);
        if (c == 0) c = Long.compare(playerId, o.playerId);
        if (c == 0) c = betKey.compareTo(o.betKey);
        return c != 0 ? c : Integer.compare(position, o.position);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableBetKey k && k.roundNo == roundNo && k.playerId == playerId
                && k.position == position && k.tableId.equals(tableId) && k.betKey.equals(betKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tableId, roundNo, playerId, betKey, position);
    }
}
