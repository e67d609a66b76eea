package io.croupier.rg;

import io.croupier.wallet.PolicyState;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * What the cashier checks and the player's limits count, per player: deposits of the current calendar day (number
 * and sum), week and month (sum), the net loss of the current day, and the times of the latest declined deposits.
 * Kept in the player's WALLET row ({@code Wallet.rgState()}), written by the money transaction with the balance
 * after each applied deposit, stake, win or refund, so it commits, rolls back and fails over with the money. Periods
 * are calendar periods in UTC; a period that is over reads as zero. All methods are pure.
 *
 * <p>A plain final class, not a record: Ignite 2.17's binary marshaller cannot build records.
 */
public final class PlayerTally implements PolicyState {
    private static final long serialVersionUID = 1L;
    /** Most declined-deposit times kept; the lock threshold is validated to stay at or below it. */
    public static final int FAILED_DEPOSITS_KEPT_MAX = 100;
    private static final long DAY_MS = 24L * 60 * 60 * 1_000;

    /** A player with no deposits, no play and no declined deposit. */
    public static final PlayerTally NONE = new PlayerTally(-1, 0, 0, -1, 0, -1, 0, -1, 0, new long[0]);

    private final long day;
    private final int depositsInDay;
    private final long depositedInDayMinor;
    private final long week;
    private final long depositedInWeekMinor;
    private final long month;
    private final long depositedInMonthMinor;
    private final long lossDay;
    private final long netLossInDayMinor;
    /** Ascending. */
    private final long[] failedDepositsAtMs;

    private PlayerTally(long day, int depositsInDay, long depositedInDayMinor, long week, long depositedInWeekMinor,
                        long month, long depositedInMonthMinor, long lossDay, long netLossInDayMinor,
                        long[] failedDepositsAtMs) {
        this.day = day;
        this.depositsInDay = depositsInDay;
        this.depositedInDayMinor = depositedInDayMinor;
        this.week = week;
        this.depositedInWeekMinor = depositedInWeekMinor;
        this.month = month;
        this.depositedInMonthMinor = depositedInMonthMinor;
        this.lossDay = lossDay;
        this.netLossInDayMinor = netLossInDayMinor;
        this.failedDepositsAtMs = failedDepositsAtMs;
    }

    /** Calendar day (UTC) of an instant, counted from 1970-01-01. */
    static long dayOf(long ms) {
        return Math.floorDiv(ms, DAY_MS);
    }

    /** Calendar week (UTC, Monday first) of an instant; 1970-01-01 was a Thursday. */
    static long weekOf(long ms) {
        return Math.floorDiv(dayOf(ms) + 3, 7);
    }

    /** Calendar month (UTC) of an instant, as year × 12 + month − 1. */
    static long monthOf(long ms) {
        LocalDate d = LocalDate.ofEpochDay(dayOf(ms));
        return d.getYear() * 12L + d.getMonthValue() - 1;
    }

    /** The period of {@code kind} that contains {@code ms}, as a number (day, week or month). */
    public static long periodOf(LimitKind kind, long ms) {
        return switch (kind) {
            case DEPOSIT_DAY, LOSS_DAY -> dayOf(ms);
            case DEPOSIT_WEEK -> weekOf(ms);
            case DEPOSIT_MONTH -> monthOf(ms);
        };
    }

    /** Deposits applied in the calendar day of {@code nowMs}. */
    public int depositsInDayAt(long nowMs) {
        return day == dayOf(nowMs) ? depositsInDay : 0;
    }

    /** Money deposited in the current period of a deposit limit. */
    public long depositedAt(LimitKind kind, long nowMs) {
        return switch (kind) {
            case DEPOSIT_DAY -> day == dayOf(nowMs) ? depositedInDayMinor : 0;
            case DEPOSIT_WEEK -> week == weekOf(nowMs) ? depositedInWeekMinor : 0;
            case DEPOSIT_MONTH -> month == monthOf(nowMs) ? depositedInMonthMinor : 0;
            case LOSS_DAY -> throw new IllegalArgumentException("not a deposit limit: " + kind);
        };
    }

    /** Stakes − wins − refunds of the calendar day of {@code nowMs}; negative when the player is up. */
    public long netLossInDayAt(long nowMs) {
        return lossDay == dayOf(nowMs) ? netLossInDayMinor : 0;
    }

    /** After a deposit of {@code amountMinor} applied at {@code nowMs}. */
    public PlayerTally afterDeposit(long nowMs, long amountMinor) {
        return new PlayerTally(dayOf(nowMs), depositsInDayAt(nowMs) + 1,
                Math.addExact(depositedAt(LimitKind.DEPOSIT_DAY, nowMs), amountMinor), weekOf(nowMs),
                Math.addExact(depositedAt(LimitKind.DEPOSIT_WEEK, nowMs), amountMinor), monthOf(nowMs),
                Math.addExact(depositedAt(LimitKind.DEPOSIT_MONTH, nowMs), amountMinor), lossDay, netLossInDayMinor,
                failedDepositsAtMs);
    }

    /** After play at {@code nowMs} that changed the day's net loss by {@code lossMinor} (stake − win; may be < 0). */
    public PlayerTally afterPlay(long nowMs, long lossMinor) {
        return new PlayerTally(day, depositsInDay, depositedInDayMinor, week, depositedInWeekMinor, month,
                depositedInMonthMinor, dayOf(nowMs), Math.addExact(netLossInDayAt(nowMs), lossMinor),
                failedDepositsAtMs);
    }

    /** After the payment provider declined a deposit at {@code nowMs}. */
    public PlayerTally afterDeclinedDeposit(long nowMs) {
        int keep = Math.min(failedDepositsAtMs.length, FAILED_DEPOSITS_KEPT_MAX - 1);
        long[] times = Arrays.copyOfRange(failedDepositsAtMs, failedDepositsAtMs.length - keep,
                failedDepositsAtMs.length + 1);
        times[times.length - 1] = nowMs;
        Arrays.sort(times);
        return new PlayerTally(day, depositsInDay, depositedInDayMinor, week, depositedInWeekMinor, month,
                depositedInMonthMinor, lossDay, netLossInDayMinor, times);
    }

    /** Declined deposits in the {@code windowMs} before {@code nowMs}. */
    public int declinedDepositsAt(long nowMs, long windowMs) {
        int n = 0;
        for (long t : failedDepositsAtMs) {
            if (t > nowMs - windowMs && t <= nowMs) {
                n++;
            }
        }
        return n;
    }

    /**
     * Until when deposits are locked at {@code nowMs}: when {@code declinedMax} deposits were declined within
     * {@code windowMs}, until the oldest of them leaves the window; 0 when not locked.
     */
    public long depositsLockedUntilAt(long nowMs, int declinedMax, long windowMs) {
        if (declinedDepositsAt(nowMs, windowMs) < declinedMax) {
            return 0;
        }
        // The lock lasts while declinedMax of them are inside the window: until the declinedMax-th newest leaves it.
        long[] inWindow = Arrays.stream(failedDepositsAtMs).filter(t -> t > nowMs - windowMs && t <= nowMs).toArray();
        return inWindow[inWindow.length - declinedMax] + windowMs;
    }

    /** An administrator cleared the deposit lock: the declined deposits are forgotten. */
    public PlayerTally withoutDeclinedDeposits() {
        return new PlayerTally(day, depositsInDay, depositedInDayMinor, week, depositedInWeekMinor, month,
                depositedInMonthMinor, lossDay, netLossInDayMinor, new long[0]);
    }

    @Override
    public String toString() {
        return "PlayerTally{day=" + day + ":" + depositsInDay + "/" + depositedInDayMinor + ", week=" + week + ":"
                + depositedInWeekMinor + ", month=" + month + ":" + depositedInMonthMinor + ", loss=" + lossDay + ":"
                + netLossInDayMinor + ", declined=" + Arrays.toString(failedDepositsAtMs) + "}";
    }
}
