package io.croupier.fraud.detect;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * Value of the TABLE_PAIR cache (key {@link TablePairKey}): how two players' even-money bets at one table related,
 * over the rounds both made one. Amounts in minor units of the table's currency. SQL: CROUPIER.TABLE_PAIR.
 */
public final class TablePair implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Rounds in which both players held an even-money position (red/black, odd/even, low/high). */
    private final long roundsTogether;
    /** Of those, rounds in which they held opposite positions on at least one of the three. */
    private final long roundsOpposed;
    /** Σ over opposed rounds of the stake matched against each other (per pairing, the smaller of the two). */
    private final long stakeOpposed;
    /** Net value moved from the lower id to the higher id through opposed positions (negative: the other way). */
    private final long netToHigher;
    /** The same, gross: Σ of what moved either way (a zero moves nothing between them: both lose to the house). */
    private final long grossMoved;
    private final long firstRoundNo;
    private final long lastRoundNo;
    private final Timestamp updatedAt;

    TablePair(long roundsTogether, long roundsOpposed, long stakeOpposed, long netToHigher, long grossMoved,
              long firstRoundNo, long lastRoundNo, Timestamp updatedAt) {
        this.roundsTogether = roundsTogether;
        this.roundsOpposed = roundsOpposed;
        this.stakeOpposed = stakeOpposed;
        this.netToHigher = netToHigher;
        this.grossMoved = grossMoved;
        this.firstRoundNo = firstRoundNo;
        this.lastRoundNo = lastRoundNo;
        this.updatedAt = updatedAt;
    }

    static final TablePair NONE = new TablePair(0, 0, 0, 0, 0, 0, 0, null);

    /** These stats with one more round together. */
    TablePair plus(PairStats.PairRound round, long roundNo, long atMs) {
        return new TablePair(roundsTogether + 1, roundsOpposed + (round.opposed() ? 1 : 0),
                Math.addExact(stakeOpposed, round.opposedStake()), Math.addExact(netToHigher, round.movedToHigher()),
                Math.addExact(grossMoved, round.grossMoved()), firstRoundNo == 0 ? roundNo : firstRoundNo, roundNo,
                new Timestamp(atMs));
    }

    public long roundsTogether() {
        return roundsTogether;
    }

    public long roundsOpposed() {
        return roundsOpposed;
    }

    public long stakeOpposed() {
        return stakeOpposed;
    }

    public long netToHigher() {
        return netToHigher;
    }

    public long grossMoved() {
        return grossMoved;
    }

    public long firstRoundNo() {
        return firstRoundNo;
    }

    public long lastRoundNo() {
        return lastRoundNo;
    }

    public Timestamp updatedAt() {
        return updatedAt;
    }
}
