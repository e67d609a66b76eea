package io.croupier.fraud;

import java.io.Serializable;

/**
 * How many stakes one player made in the current clock second and the current clock minute. Value of the
 * PLAYER_RISK cache (key: player id, so it lives in the player's partition and is read and written in the money
 * transaction). Fixed windows keep the value to four numbers; the price is that a burst straddling a window boundary
 * can reach twice the limit for one second, which the per-minute limit still bounds.
 *
 * <p>A plain final class, not a record: Ignite 2.17's binary marshaller cannot build records.
 */
public final class StakeVelocity implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A player who has not staked yet. */
    public static final StakeVelocity NONE = new StakeVelocity(-1, 0, -1, 0);

    private final long secondEpoch;
    private final int stakesInSecond;
    private final long minuteEpoch;
    private final int stakesInMinute;

    StakeVelocity(long secondEpoch, int stakesInSecond, long minuteEpoch, int stakesInMinute) {
        this.secondEpoch = secondEpoch;
        this.stakesInSecond = stakesInSecond;
        this.minuteEpoch = minuteEpoch;
        this.stakesInMinute = stakesInMinute;
    }

    /** Stakes already made in the clock second of {@code nowMs}. */
    public int stakesInSecondAt(long nowMs) {
        return secondEpoch == Math.floorDiv(nowMs, 1_000L) ? stakesInSecond : 0;
    }

    /** Stakes already made in the clock minute of {@code nowMs}. */
    public int stakesInMinuteAt(long nowMs) {
        return minuteEpoch == Math.floorDiv(nowMs, 60_000L) ? stakesInMinute : 0;
    }

    /** The state after one more stake at {@code nowMs}. */
    public StakeVelocity afterStakeAt(long nowMs) {
        return new StakeVelocity(Math.floorDiv(nowMs, 1_000L), stakesInSecondAt(nowMs) + 1,
                Math.floorDiv(nowMs, 60_000L), stakesInMinuteAt(nowMs) + 1);
    }

    @Override
    public String toString() {
        return "StakeVelocity{second=" + secondEpoch + ":" + stakesInSecond + ", minute=" + minuteEpoch + ":"
                + stakesInMinute + "}";
    }
}
