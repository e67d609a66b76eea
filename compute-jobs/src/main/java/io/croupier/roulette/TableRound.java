package io.croupier.roulette;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * One round of a table (cache {@code table_round}, SQL table TABLE_ROUND). The seed's commitment is published when
 * the round opens; the seed itself and the number only once the round has a result.
 */
public final class TableRound implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String tableId;
    private final long roundNo;
    private final String status;
    private final String seedHash;
    private final String seed;
    private final int result;
    private final Timestamp openedAt;
    private final Timestamp closesAt;
    private final Timestamp closedAt;
    private final Timestamp settledAt;
    private final long totalStake;
    private final long totalReturn;
    private final int betCount;

    TableRound(String tableId, long roundNo, RoundStatus status, String seedHash, String seed, int result,
               Timestamp openedAt, Timestamp closesAt, Timestamp closedAt, Timestamp settledAt, long totalStake,
               long totalReturn, int betCount) {
        this.tableId = tableId;
        this.roundNo = roundNo;
        this.status = status.name();
        this.seedHash = seedHash;
        this.seed = seed;
        this.result = result;
        this.openedAt = openedAt;
        this.closesAt = closesAt;
        this.closedAt = closedAt;
        this.settledAt = settledAt;
        this.totalStake = totalStake;
        this.totalReturn = totalReturn;
        this.betCount = betCount;
    }

    static TableRound open(String tableId, long roundNo, String seedHash, Timestamp now, Timestamp closesAt) {
        return new TableRound(tableId, roundNo, RoundStatus.OPEN, seedHash, null, -1, now, closesAt, null, null, 0,
                0, 0);
    }

    TableRound closed(Timestamp now) {
        return new TableRound(tableId, roundNo, RoundStatus.CLOSED, seedHash, null, -1, openedAt, closesAt, now,
                null, totalStake, totalReturn, betCount);
    }

    TableRound refunding(Timestamp now) {
        return new TableRound(tableId, roundNo, RoundStatus.REFUNDING, seedHash, null, -1, openedAt, closesAt, now,
                null, totalStake, totalReturn, betCount);
    }

    TableRound withResult(String revealedSeed, int number) {
        return new TableRound(tableId, roundNo, RoundStatus.RESULT, seedHash, revealedSeed, number, openedAt,
                closesAt, closedAt, null, totalStake, totalReturn, betCount);
    }

    TableRound finished(RoundStatus end, long stakes, long returns, int bets, Timestamp now) {
        return new TableRound(tableId, roundNo, end, seedHash, seed, result, openedAt, closesAt, closedAt, now,
                stakes, returns, bets);
    }

    public TableRoundKey key() {
        return new TableRoundKey(tableId, roundNo);
    }

    public String tableId() {
        return tableId;
    }

    public long roundNo() {
        return roundNo;
    }

    public RoundStatus status() {
        return RoundStatus.valueOf(status);
    }

    public String seedHash() {
        return seedHash;
    }

    /** The round's seed (hex), revealed with the result; null before. */
    public String seed() {
        return seed;
    }

    /** The winning number 0..36, or −1 before the result. */
    public int result() {
        return result;
    }

    public Timestamp openedAt() {
        return openedAt;
    }

    public Timestamp closesAt() {
        return closesAt;
    }

    public Timestamp closedAt() {
        return closedAt;
    }

    public Timestamp settledAt() {
        return settledAt;
    }

    public long totalStake() {
        return totalStake;
    }

    public long totalReturn() {
        return totalReturn;
    }

    public int betCount() {
        return betCount;
    }

    @Override
    public String toString() {
        return "TableRound{" + tableId + "#" + roundNo + " " + status + (result >= 0 ? " → " + result : "") + "}";
    }
}
