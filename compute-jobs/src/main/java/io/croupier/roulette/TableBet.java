package io.croupier.roulette;

import java.io.Serializable;
import java.sql.Timestamp;

/** One bet on a table round (cache {@code table_bet}, SQL table TABLE_BET). */
public final class TableBet implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String tableId;
    private final long roundNo;
    private final long playerId;
    private final String betKey;
    private final int position;
    private final String kind;
    /** Covered numbers, comma-separated, ascending (empty for outside bets named by kind alone). */
    private final String selection;
    /** Every number the bet wins on, comma-separated, ascending: settlement needs nothing else. */
    private final String covers;
    private final long stake;
    private final String currency;
    private final String status;
    /** Amount returned to the player when settled (stake + win, 0 for a losing bet); refunded stake when REFUNDED. */
    private final long returned;
    /** The wallet balance right after the request that placed this bet was debited. */
    private final long balanceAfter;
    private final Timestamp placedAt;
    private final Timestamp settledAt;

    TableBet(String tableId, long roundNo, long playerId, String betKey, int position, String kind, String selection,
             String covers, long stake, String currency, BetStatus status, long returned, long balanceAfter, Timestamp placedAt,
             Timestamp settledAt) {
        this.tableId = tableId;
        this.roundNo = roundNo;
        this.playerId = playerId;
        this.betKey = betKey;
        this.position = position;
        this.kind = kind;
        this.selection = selection;
        this.covers = covers;
        this.stake = stake;
        this.currency = currency;
        this.status = status.name();
        this.returned = returned;
        this.balanceAfter = balanceAfter;
        this.placedAt = placedAt;
        this.settledAt = settledAt;
    }

    TableBet finished(BetStatus end, long returnedAmount, long balance, Timestamp now) {
        return new TableBet(tableId, roundNo, playerId, betKey, position, kind, selection, covers, stake, currency, end,
                returnedAmount, balance, placedAt, now);
    }

    public TableBetKey key() {
        return new TableBetKey(tableId, roundNo, playerId, betKey, position);
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

    public String kind() {
        return kind;
    }

    public String selection() {
        return selection;
    }

    public String covers() {
        return covers;
    }

    /** What the bet returns if {@code number} comes up: stake × (payout + 1) when covered, else 0. */
    public long returnFor(int number) {
        for (String n : covers.split(",")) {
            if (!n.isEmpty() && Integer.parseInt(n) == number) {
                return Math.multiplyExact(stake, BetKind.valueOf(kind).payout() + 1L);
            }
        }
        return 0;
    }

    public long stake() {
        return stake;
    }

    public String currency() {
        return currency;
    }

    public BetStatus status() {
        return BetStatus.valueOf(status);
    }

    public long returned() {
        return returned;
    }

    public long balanceAfter() {
        return balanceAfter;
    }

    public Timestamp placedAt() {
        return placedAt;
    }

    public Timestamp settledAt() {
        return settledAt;
    }
}
