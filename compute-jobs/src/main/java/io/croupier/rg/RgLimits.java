package io.croupier.rg;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The responsible-gambling limits a player set and their break from play, if any. Value of the RG_LIMIT cache (key:
 * player id, so it lives in the player's partition and the money transaction reads it there). SQL: CROUPIER.RG_LIMIT.
 *
 * <p>A tighter limit (lower, or a new one) applies at once; a looser one (higher, or removed) is kept as pending for
 * {@link #LOOSENING_DELAY_MS} and applies by itself when that time has come: {@link #limitAt} reads it as in force
 * from then, and {@link #settledAt} folds it into the row at the player's next limits request. All methods are pure.
 *
 * <p>A plain final class with one field per column (Ignite 2.17's binary marshaller cannot build records).
 */
public final class RgLimits implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A looser limit waits this long (UKGC: at least 24 hours, so it is not raised in the heat of play). */
    public static final long LOOSENING_DELAY_MS = 24L * 60 * 60 * 1_000;

    /** A player who never set anything. */
    public static final RgLimits NONE = new RgLimits(new Long[4], new Long[4], new Timestamp[4], null, null, null);

    private final Long depositDayMax;
    private final Long depositWeekMax;
    private final Long depositMonthMax;
    private final Long lossDayMax;
    private final Long pendingDepositDayMax;
    private final Long pendingDepositWeekMax;
    private final Long pendingDepositMonthMax;
    private final Long pendingLossDayMax;
    private final Timestamp pendingDepositDayFrom;
    private final Timestamp pendingDepositWeekFrom;
    private final Timestamp pendingDepositMonthFrom;
    private final Timestamp pendingLossDayFrom;
    private final String exclusion;
    private final Timestamp excludedUntil;
    private final Timestamp updatedAt;

    private RgLimits(Long[] limits, Long[] pending, Timestamp[] pendingFrom, String exclusion, Timestamp excludedUntil,
                     Timestamp updatedAt) {
        this.depositDayMax = limits[0];
        this.depositWeekMax = limits[1];
        this.depositMonthMax = limits[2];
        this.lossDayMax = limits[3];
        this.pendingDepositDayMax = pending[0];
        this.pendingDepositWeekMax = pending[1];
        this.pendingDepositMonthMax = pending[2];
        this.pendingLossDayMax = pending[3];
        this.pendingDepositDayFrom = pendingFrom[0];
        this.pendingDepositWeekFrom = pendingFrom[1];
        this.pendingDepositMonthFrom = pendingFrom[2];
        this.pendingLossDayFrom = pendingFrom[3];
        this.exclusion = exclusion;
        this.excludedUntil = excludedUntil;
        this.updatedAt = updatedAt;
    }

    /** What a request to change one limit did. {@code event} is null when nothing changed. */
    public record Change(RgLimits limits, RgEventKind event) {
    }

    /** The limit stored as in force (null: none), not counting a pending change that has come due. */
    public Long limit(LimitKind kind) {
        return limits()[kind.ordinal()];
    }

    /** The pending value (null: the limit is to be removed) when {@link #pendingFrom} is set. */
    public Long pending(LimitKind kind) {
        return pending()[kind.ordinal()];
    }

    /** When the pending change applies; null when none is pending. */
    public Timestamp pendingFrom(LimitKind kind) {
        return pendingFrom()[kind.ordinal()];
    }

    /** The limit in force at {@code nowMs} (null: none), a pending change included once its time has come. */
    public Long limitAt(LimitKind kind, long nowMs) {
        Timestamp from = pendingFrom(kind);
        return from != null && nowMs >= from.getTime() ? pending(kind) : limit(kind);
    }

    /** Limits whose pending change has come due at {@code nowMs}. */
    public List<LimitKind> dueAt(long nowMs) {
        List<LimitKind> due = new ArrayList<>();
        for (LimitKind k : LimitKind.values()) {
            Timestamp from = pendingFrom(k);
            if (from != null && nowMs >= from.getTime()) {
                due.add(k);
            }
        }
        return due;
    }

    /** The same limits with every change that has come due at {@code nowMs} folded in. */
    public RgLimits settledAt(long nowMs) {
        List<LimitKind> due = dueAt(nowMs);
        if (due.isEmpty()) {
            return this;
        }
        Long[] limits = limits();
        Long[] pending = pending();
        Timestamp[] from = pendingFrom();
        for (LimitKind k : due) {
            limits[k.ordinal()] = pending[k.ordinal()];
            pending[k.ordinal()] = null;
            from[k.ordinal()] = null;
        }
        return new RgLimits(limits, pending, from, exclusion, excludedUntil, new Timestamp(nowMs));
    }

    /**
     * The player asks for {@code amountMinor} (null: no limit) as their {@code kind} limit at {@code nowMs}. Tighter
     * than the limit in force (or the same, which withdraws a pending loosening) applies at once; looser waits
     * {@link #LOOSENING_DELAY_MS}, replacing any loosening already pending. Call on {@link #settledAt} limits.
     */
    public Change requested(LimitKind kind, Long amountMinor, long nowMs) {
        Long current = limit(kind);
        boolean pendingNow = pendingFrom(kind) != null;
        if (Objects.equals(amountMinor, current)) {
            return pendingNow ? new Change(with(kind, current, null, null, nowMs), RgEventKind.LIMIT_SET)
                    : new Change(this, null);
        }
        boolean tighter = amountMinor != null && (current == null || amountMinor < current);
        if (tighter) {
            return new Change(with(kind, amountMinor, null, null, nowMs), RgEventKind.LIMIT_SET);
        }
        return new Change(with(kind, current, amountMinor, new Timestamp(nowMs + LOOSENING_DELAY_MS), nowMs),
                RgEventKind.LIMIT_INCREASE_PENDING);
    }

    /** An administrator's override: {@code amountMinor} (null: none) applies at once, any pending change dropped. */
    public RgLimits overridden(LimitKind kind, Long amountMinor, long nowMs) {
        return with(kind, amountMinor, null, null, nowMs);
    }

    /**
     * The player takes {@code e} at {@code nowMs}. A break already running that ends later (or never) stays: a
     * player can lengthen a break, never shorten it.
     */
    public RgLimits excluded(Exclusion e, long nowMs) {
        long endsAt = e.endsAtMs(nowMs);
        if (excludedAt(nowMs) && excludedUntilMs() >= endsAt) {
            return this;
        }
        return new RgLimits(limits(), pending(), pendingFrom(), e.name(),
                e.isPermanent() ? null : new Timestamp(endsAt), new Timestamp(nowMs));
    }

    /** Whether the player is on a time-out or self-excluded at {@code nowMs}. */
    public boolean excludedAt(long nowMs) {
        return exclusion != null && nowMs < excludedUntilMs();
    }

    /** The last break taken (it may be over: see {@link #excludedAt}); null if none. */
    public Exclusion exclusion() {
        return exclusion == null ? null : Exclusion.valueOf(exclusion);
    }

    /** When the break ends; null for none or a permanent self-exclusion. */
    public Timestamp excludedUntil() {
        return excludedUntil;
    }

    public Timestamp updatedAt() {
        return updatedAt;
    }

    private long excludedUntilMs() {
        return exclusion == null ? Long.MIN_VALUE : excludedUntil == null ? Long.MAX_VALUE : excludedUntil.getTime();
    }

    private RgLimits with(LimitKind kind, Long limit, Long pendingLimit, Timestamp from, long nowMs) {
        Long[] limits = limits();
        Long[] pending = pending();
        Timestamp[] pendingFrom = pendingFrom();
        limits[kind.ordinal()] = limit;
        pending[kind.ordinal()] = pendingLimit;
        pendingFrom[kind.ordinal()] = from;
        return new RgLimits(limits, pending, pendingFrom, exclusion, excludedUntil, new Timestamp(nowMs));
    }

    private Long[] limits() {
        return new Long[] {depositDayMax, depositWeekMax, depositMonthMax, lossDayMax};
    }

    private Long[] pending() {
        return new Long[] {pendingDepositDayMax, pendingDepositWeekMax, pendingDepositMonthMax, pendingLossDayMax};
    }

    private Timestamp[] pendingFrom() {
        return new Timestamp[] {pendingDepositDayFrom, pendingDepositWeekFrom, pendingDepositMonthFrom,
                pendingLossDayFrom};
    }

    @Override
    public String toString() {
        return "RgLimits{limits=" + java.util.Arrays.toString(limits()) + ", pending="
                + java.util.Arrays.toString(pending()) + ", exclusion=" + exclusion + " until " + excludedUntil + "}";
    }
}
