package io.croupier.bench.fraud;

/**
 * A FRAUD_ALERT row as the simulator saw it first: the player, the rule, the triggering event's time and the alert's
 * creation time (both epoch ms, stamped by the grid node), and when this process received it.
 */
record Alert(long playerId, String rule, String alertId, String severity, long eventAtMs, long createdAtMs,
             long seenAtMs) {
    /** Detection latency: alert creation minus the triggering event (never negative: one host's clock). */
    long latencyMs() {
        return Math.max(0, createdAtMs - eventAtMs);
    }
}
