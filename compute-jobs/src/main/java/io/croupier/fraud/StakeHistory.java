package io.croupier.fraud;

import io.croupier.player.PlayerStatus;
import io.croupier.wallet.PolicyState;
import io.croupier.wallet.Wallet;

/**
 * What the inline risk rules remember of one player's stakes: how many in the current clock second and clock minute,
 * how many in all, and their running average. Kept in the player's WALLET row ({@link Wallet#riskState()}), so it
 * is read and written by the money transaction with the balance, at no extra row.
 *
 * <p>Fixed windows keep the velocity to four numbers; the price is that a burst straddling a window boundary can
 * reach twice the per-second limit for a moment, which the per-minute limit still bounds. The average is exponential
 * (each stake weighs 1/16), in whole minor units, so it follows the player's recent play without a list of stakes.
 *
 * <p>It also carries a copy of the account status (PLAYER.STATUS), written in the same transaction as every status
 * change ({@link RiskPolicy#setStatusInTx}), so a stake's checks need no second row. A history written
 * before the copy existed has none ({@link #knowsStatus()} false): the policy then reads PLAYER and the next stake's
 * write fills it in.
 *
 * <p>A plain final class, not a record: Ignite 2.17's binary marshaller cannot build records.
 */
public final class StakeHistory implements PolicyState {
    private static final long serialVersionUID = 1L;
    /** Each new stake moves the average by 1/16 of its difference: about the last 16 stakes count. */
    static final int AVERAGE_WEIGHT_SHIFT = 4;

    /** A player who has not staked yet. */
    public static final StakeHistory NONE = new StakeHistory(-1, 0, -1, 0, 0, 0);

    private final long secondEpoch;
    private final int stakesInSecond;
    private final long minuteEpoch;
    private final int stakesInMinute;
    private final long stakesCounted;
    private final long averageStakeMinor;
    /** The account status as of the last status change or stake; null: not known yet (read PLAYER). */
    private final String status;

    StakeHistory(long secondEpoch, int stakesInSecond, long minuteEpoch, int stakesInMinute, long stakesCounted,
                 long averageStakeMinor) {
        this(secondEpoch, stakesInSecond, minuteEpoch, stakesInMinute, stakesCounted, averageStakeMinor, null);
    }

    private StakeHistory(long secondEpoch, int stakesInSecond, long minuteEpoch, int stakesInMinute,
                         long stakesCounted, long averageStakeMinor, String status) {
        this.status = status;
        this.secondEpoch = secondEpoch;
        this.stakesInSecond = stakesInSecond;
        this.minuteEpoch = minuteEpoch;
        this.stakesInMinute = stakesInMinute;
        this.stakesCounted = stakesCounted;
        this.averageStakeMinor = averageStakeMinor;
    }

    /** Stakes already made in the clock second of {@code nowMs}. */
    public int stakesInSecondAt(long nowMs) {
        return secondEpoch == Math.floorDiv(nowMs, 1_000L) ? stakesInSecond : 0;
    }

    /** Stakes already made in the clock minute of {@code nowMs}. */
    public int stakesInMinuteAt(long nowMs) {
        return minuteEpoch == Math.floorDiv(nowMs, 60_000L) ? stakesInMinute : 0;
    }

    /** Stakes applied since the history began. */
    public long stakesCounted() {
        return stakesCounted;
    }

    /** Running average of the recent stakes, in minor units (0 before the first). */
    public long averageStakeMinor() {
        return averageStakeMinor;
    }

    /** The history after one more stake of {@code stakeMinor} at {@code nowMs} (the status copy unchanged). */
    public StakeHistory afterStakeAt(long nowMs, long stakeMinor) {
        long average = stakesCounted == 0 ? stakeMinor
                : averageStakeMinor + ((stakeMinor - averageStakeMinor) >> AVERAGE_WEIGHT_SHIFT);
        return new StakeHistory(Math.floorDiv(nowMs, 1_000L), stakesInSecondAt(nowMs) + 1,
                Math.floorDiv(nowMs, 60_000L), stakesInMinuteAt(nowMs) + 1, stakesCounted + 1, average, status);
    }

    /** Whether this history carries the account status. */
    public boolean knowsStatus() {
        return status != null;
    }

    /** The account status copy; only meaningful when {@link #knowsStatus()}. */
    public PlayerStatus status() {
        return status == null ? PlayerStatus.ACTIVE : PlayerStatus.valueOf(status);
    }

    /** The same history with the account status copy set. */
    public StakeHistory withStatus(PlayerStatus newStatus) {
        return new StakeHistory(secondEpoch, stakesInSecond, minuteEpoch, stakesInMinute, stakesCounted,
                averageStakeMinor, newStatus.name());
    }

    @Override
    public String toString() {
        return "StakeHistory{second=" + secondEpoch + ":" + stakesInSecond + ", minute=" + minuteEpoch + ":"
                + stakesInMinute + ", stakes=" + stakesCounted + ", average=" + averageStakeMinor + ", status=" + status + "}";
    }
}
