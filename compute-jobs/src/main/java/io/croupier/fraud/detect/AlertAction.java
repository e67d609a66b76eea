package io.croupier.fraud.detect;

/** What an alert did to the account (FRAUD_ALERT.ACTION). */
public enum AlertAction {
    FLAG, HOLD_WITHDRAWALS, BLOCK_PLAY
}
