package io.croupier.fraud.detect;

/** Where an alert is in review (FRAUD_ALERT.STATUS): OPEN until an analyst confirms or dismisses it. */
public enum AlertStatus {
    OPEN, CONFIRMED, DISMISSED
}
