package io.croupier.fraud.detect;

/**
 * The near-real-time rules, by the name an alert carries in FRAUD_ALERT.RULE. The names are part of the product's
 * interface (reports, the simulator, runbooks): add names, never rename one.
 */
public enum AlertRule {
    /** Deposits followed by a withdrawal with little play in between (wagering below a share of the deposits). */
    AML_LOW_WAGERING,
    /** Many deposits just under the reporting threshold within a window. */
    AML_STRUCTURING,
    /** One deposit or withdrawal at or above the significant-transaction threshold. */
    AML_LARGE_TRANSACTION,
    /** Deposits and withdrawals within a window that add up to the significant-transaction threshold. */
    AML_LARGE_AGGREGATE,
    /** A return far above the games' theoretical RTP given their variance (z-score over the player's rounds). */
    WIN_RATE_ANOMALY,
    /** Several accounts sharing a device fingerprint or an IP address. */
    MULTI_ACCOUNT,
    /** Two players at one roulette table who repeatedly cover opposite even-money outcomes in the same rounds. */
    TABLE_COLLUSION,
    /** Value moved from one player to another through coordinated losses at a table. */
    CHIP_DUMPING,
    /** The combined anomaly score of a player's features is far from the population's. */
    ANOMALY_SCORE
}
