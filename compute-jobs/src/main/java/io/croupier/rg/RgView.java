package io.croupier.rg;

import java.io.Serializable;

/**
 * A player's limits and break as they stand at {@code atMs}, with what counts against them: the answer of every
 * limits request. Travels from the player's node to the caller, so a plain final class.
 */
public final class RgView implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RgLimits limits;
    private final PlayerTally tally;
    private final long atMs;
    private final long depositsLockedUntilMs;

    RgView(RgLimits limits, PlayerTally tally, long atMs, long depositsLockedUntilMs) {
        this.limits = limits;
        this.tally = tally;
        this.atMs = atMs;
        this.depositsLockedUntilMs = depositsLockedUntilMs;
    }

    public RgLimits limits() {
        return limits;
    }

    public long atMs() {
        return atMs;
    }

    /** Deposited so far in the current period of a deposit limit, or the day's net loss for LOSS_DAY. */
    public long usedMinor(LimitKind kind) {
        return kind == LimitKind.LOSS_DAY ? tally.netLossInDayAt(atMs) : tally.depositedAt(kind, atMs);
    }

    public boolean excluded() {
        return limits.excludedAt(atMs);
    }

    /** Until when deposits are locked after declined deposits; 0 when they are not. */
    public long depositsLockedUntilMs() {
        return depositsLockedUntilMs;
    }
}
