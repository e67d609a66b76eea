package io.croupier.player;

/** Account status; the compliance and fraud work acts on it. */
public enum PlayerStatus {
    ACTIVE, BLOCKED, SELF_EXCLUDED, CLOSED
}
