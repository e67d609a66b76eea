package io.croupier.admin;

/** What an administrator did to a player (ADMIN_ACTION.ACTION). */
public enum AdminActionKind {
    /** Status to BLOCKED: the player may not play or move money until unblocked. */
    BLOCK,
    /** Status back to ACTIVE. */
    UNBLOCK,
    /** A manual balance correction: one ADJUST_CREDIT or ADJUST_DEBIT transfer through the money pipeline. */
    ADJUST
}
