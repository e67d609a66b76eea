package io.croupier.roulette;

import java.io.Serializable;

/**
 * What happened at a table, sent on the grid topic {@code croupier.table.<id>} so app servers can push it to the
 * players seated there. {@code playerId} is 0 for table-wide events.
 */
public final class TableEvent implements Serializable {
    private static final long serialVersionUID = 1L;

    public enum Type { ROUND_OPENED, ROUND_CLOSED, ROUND_RESULT, BET_PLACED, BET_SETTLED, ROUND_SETTLED, ROUND_REFUNDED }

    private final String type;
    private final String tableId;
    private final long roundNo;
    private final long playerId;
    /** Stake (BET_PLACED), amount returned (BET_SETTLED, ROUND_REFUNDED per player), totals for ROUND_SETTLED. */
    private final long amount;
    /** The number for ROUND_RESULT and later, else −1. */
    private final int number;
    /** ROUND_OPENED: the seed commitment; ROUND_RESULT: the revealed seed; BET_PLACED: the bets. */
    private final String detail;
    /** ROUND_OPENED: when betting closes (epoch ms); otherwise the event time. */
    private final long timeMs;

    public TableEvent(Type type, String tableId, long roundNo, long playerId, long amount, int number, String detail,
                      long timeMs) {
        this.type = type.name();
        this.tableId = tableId;
        this.roundNo = roundNo;
        this.playerId = playerId;
        this.amount = amount;
        this.number = number;
        this.detail = detail;
        this.timeMs = timeMs;
    }

    public static String topic(String tableId) {
        return "croupier.table." + tableId;
    }

    public Type type() {
        return Type.valueOf(type);
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

    public long amount() {
        return amount;
    }

    public int number() {
        return number;
    }

    public String detail() {
        return detail;
    }

    public long timeMs() {
        return timeMs;
    }

    @Override
    public String toString() {
        return type + "{" + tableId + "#" + roundNo + (playerId != 0 ? ", player=" + playerId : "")
                + (amount != 0 ? ", amount=" + amount : "") + (number >= 0 ? ", number=" + number : "") + "}";
    }
}
