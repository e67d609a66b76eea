package io.croupier.admin;

/** What an administrator did to a player (ADMIN_ACTION.ACTION). */
public enum AdminActionKind {
    /** Status to BLOCKED: the player may not play or move money until unblocked. */
    BLOCK,
    /** Status back to ACTIVE. */
    UNBLOCK,
    /** A manual balance correction: one ADJUST_CREDIT or ADJUST_DEBIT transfer through the money pipeline. */
    ADJUST,
    /** A responsible-gambling limit set (or removed) at once, bypassing the 24-hour wait; also an RG_EVENT row. */
    LIMIT_OVERRIDE,
    /** The declined-deposit lock cleared: the declines are forgotten; also an RG_EVENT row. */
    CLEAR_DEPOSIT_LOCK
}
