package io.croupier.roulette;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened at a table, sent on the grid topic {@code croupier.table.<id>} so app servers can push it to the
 * players seated there. {@code playerId} is 0 for table-wide events.
 */
public final class TableEvent implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * BETS_SETTLED carries many players' settlements (up to {@link #SETTLEMENTS_PER_EVENT}): one message, not one each.
     */
    public enum Type { ROUND_OPENED, ROUND_CLOSED, ROUND_RESULT, BET_PLACED, BETS_SETTLED, ROUND_SETTLED, ROUND_REFUNDED }

    /** Most player settlements in one BETS_SETTLED event. */
    public static final int SETTLEMENTS_PER_EVENT = 1_000;

    /** One player's settlement of a round: the amount returned (stake + win, 0 if lost) and the balance after it. */
    public record PlayerSettlement(long playerId, long returned, long balance) {
    }

    private final String type;
    private final String tableId;
    private final long roundNo;
    private final long playerId;
    /** Stake (BET_PLACED), amount returned (ROUND_REFUNDED per player), totals for ROUND_SETTLED. */
    private final long amount;
    /** The number for ROUND_RESULT and later, else −1. */
    private final int number;
    /** ROUND_OPENED: the seed commitment; ROUND_RESULT: the revealed seed; BET_PLACED: the bets. */
    private final String detail;
    /** ROUND_OPENED: when betting closes (epoch ms); otherwise the event time. */
    private final long timeMs;
    /** BETS_SETTLED: (player, returned, balance after, or −1 if unknown) per settled player; otherwise null. */
    private final long[] settlements;

    public TableEvent(Type type, String tableId, long roundNo, long playerId, long amount, int number, String detail,
                      long timeMs) {
        this(type, tableId, roundNo, playerId, amount, number, detail, timeMs, null);
    }

    private TableEvent(Type type, String tableId, long roundNo, long playerId, long amount, int number, String detail,
                       long timeMs, long[] settlements) {
        this.type = type.name();
        this.tableId = tableId;
        this.roundNo = roundNo;
        this.playerId = playerId;
        this.amount = amount;
        this.number = number;
        this.detail = detail;
        this.timeMs = timeMs;
        this.settlements = settlements;
    }

    /** Players' settlements of a round on {@code number}, committed at {@code timeMs}, in one event. */
    public static TableEvent betsSettled(String tableId, long roundNo, int number, List<PlayerSettlement> settled,
                                         long timeMs) {
        if (settled.size() > SETTLEMENTS_PER_EVENT) {
            throw new IllegalArgumentException("at most " + SETTLEMENTS_PER_EVENT + " settlements per event");
        }
        long[] packed = new long[settled.size() * 3];
        for (int i = 0; i < settled.size(); i++) {
            PlayerSettlement s = settled.get(i);
            packed[3 * i] = s.playerId();
            packed[3 * i + 1] = s.returned();
            packed[3 * i + 2] = s.balance();
        }
        return new TableEvent(Type.BETS_SETTLED, tableId, roundNo, 0, 0, number, null, timeMs, packed);
    }

    /** The players' settlements of a BETS_SETTLED event; empty for any other. */
    public List<PlayerSettlement> settlements() {
        List<PlayerSettlement> out = new ArrayList<>(settlements == null ? 0 : settlements.length / 3);
        for (int i = 0; settlements != null && i + 2 < settlements.length; i += 3) {
            out.add(new PlayerSettlement(settlements[i], settlements[i + 1], settlements[i + 2]));
        }
        return out;
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
                + (amount != 0 ? ", amount=" + amount : "") + (number >= 0 ? ", number=" + number : "")
                + (settlements != null ? ", settled=" + settlements.length / 3 : "") + "}";
    }
}
