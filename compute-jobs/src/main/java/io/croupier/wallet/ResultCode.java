package io.croupier.wallet;

/**
 * Every outcome of a money operation. Rejections are values, not exceptions: a rejected operation writes
 * nothing and is not logged as an error.
 */
public enum ResultCode {
    /** Applied (or, with {@code replayed}, applied earlier under the same idempotency key). */
    OK,
    /** Amount is zero, negative, or above the configured per-operation maximum. */
    INVALID_AMOUNT,
    /** Currency is not an ISO 4217 code. */
    INVALID_CURRENCY,
    /** Idempotency key missing, too long or with characters outside [A-Za-z0-9._:-]. */
    INVALID_IDEMPOTENCY_KEY,
    /** Payment token missing, malformed, or looks like card data (a PAN); we only accept tokens. */
    INVALID_PAYMENT_TOKEN,
    /** Reference (round or bet reference) malformed or too long. */
    INVALID_REFERENCE,
    /** No wallet exists for this player id. */
    UNKNOWN_PLAYER,
    /** Operation currency differs from the wallet currency. */
    CURRENCY_MISMATCH,
    /** Balance would go below zero. */
    INSUFFICIENT_FUNDS,
    /** Balance would exceed the configured maximum (or overflow a long). */
    BALANCE_LIMIT_EXCEEDED,
    /** The idempotency key was already used by this player for a different request. */
    DUPLICATE_KEY_DIFFERENT_REQUEST,
    /** A void names a bet key that this player never used for a bet. */
    UNKNOWN_BET,
    /** The bet was already voided by another void request. */
    ALREADY_VOIDED,
    /** SPIN names a game that does not exist. */
    UNKNOWN_GAME,
    /** The stake is outside the game's limits (minimum, maximum, or not a multiple of the game's step). */
    INVALID_STAKE,
    /** A client seed that is empty, longer than 64 characters, or not printable ASCII without ':'. */
    INVALID_CLIENT_SEED,
    /** A roulette table that does not exist. */
    UNKNOWN_TABLE,
    /** A round number that this table never opened (for example another table's round). */
    UNKNOWN_ROUND,
    /** The round no longer takes bets (closed, even by a millisecond); nothing was debited. */
    ROUND_CLOSED,
    /** A bet kind that does not exist. */
    INVALID_BET_KIND,
    /** A bet request without bets. */
    NO_BETS,
    /** Numbers that the bet kind cannot cover (straight 37, a split of non-adjacent numbers, ...). */
    INVALID_SELECTION,
    /** Too many bets in one request, or the player's total for the round above the table maximum. */
    TABLE_LIMIT_EXCEEDED,
    /** A play policy (self-exclusion, limits, account status) refuses the operation. */
    PLAY_NOT_ALLOWED,
    /**
     * The account is BLOCKED, SELF_EXCLUDED or CLOSED: no stakes and no withdrawals (a BLOCKED account takes no
     * deposits either). Nothing was applied.
     */
    RISK_BLOCKED,
    /** The player made too many stakes in the last clock second or minute; nothing was applied. Slow down. */
    VELOCITY_EXCEEDED,
    /**
     * Held for review, nothing applied: a stake far above the player's recent average stake, or a withdrawal of an
     * account whose withdrawals a fraud or AML alert holds (status HELD).
     */
    RISK_HELD,
    /** The payment provider declined the deposit; no money moved. Repeated declines lock deposits for a while. */
    PAYMENT_DECLINED,
    /**
     * Too many declined deposits in a short window (GLI-19 A.3.6b): deposits are refused until the window has passed or
     * an administrator clears the lock. Nothing was applied.
     */
    DEPOSITS_LOCKED,
    /** The deposit would take the player over a deposit limit they set (day, week or month). Nothing was applied. */
    DEPOSIT_LIMIT_EXCEEDED,
    /** The stake could take the player's net loss of the day over the loss limit they set. Nothing was applied. */
    LOSS_LIMIT_EXCEEDED,
    /** The player is self-excluded or on a time-out: no stakes and no deposits (withdrawals stay possible). */
    SELF_EXCLUDED,
    /** A responsible-gambling limit that is not a positive amount within the money limits, or an unknown kind. */
    INVALID_LIMIT,
    /** A self-exclusion or time-out period that does not exist. */
    INVALID_EXCLUSION,
    /** Too many operations are queued; nothing was applied. Retry later with the same key. */
    OVERLOADED,
    /**
     * The grid could not complete the operation in time (node loss, lost partition, timeout). The outcome
     * is unknown to the caller: retry with the same idempotency key to learn it.
     */
    UNAVAILABLE,
    /** A defect; logged with its stack trace on the node. Nothing was applied. */
    INTERNAL_ERROR,
    /** Internal: the node is no longer primary for the player; the caller re-routes. Never returned by WalletService. */
    RETRY;

    public boolean isOk() {
        return this == OK;
    }
}
