package io.croupier.fraud.detect;

/** How bad a finding is, and so what happens to the account: the action is decided by severity alone. */
public enum Severity {
    /** Flag for review: the alert only. */
    LOW(AlertAction.FLAG),
    /** Hold withdrawals: the player may play and deposit, a withdrawal is refused with RISK_HELD until review. */
    MEDIUM(AlertAction.HOLD_WITHDRAWALS),
    /** Block play: status BLOCKED, no stakes, no withdrawals, no deposits until review. */
    HIGH(AlertAction.BLOCK_PLAY);

    private final AlertAction action;

    Severity(AlertAction action) {
        this.action = action;
    }

    public AlertAction action() {
        return action;
    }
}
