package io.croupier.player;

/** Account status; the compliance and fraud work acts on it. */
public enum PlayerStatus {
    ACTIVE,
    /** Withdrawals held for review (a fraud or AML alert): play and deposits go on, a withdrawal is refused. */
    HELD,
    BLOCKED,
    SELF_EXCLUDED,
    CLOSED
}
