package io.croupier.fraud.detect;

import java.io.Serializable;
import java.util.Objects;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/**
 * Key of a FRAUD_ALERT row: the player (so the alert lives in the player's partition, with the status it acts on)
 * and the alert id {@code RULE:subject}, so one finding about one subject is one row however often it repeats.
 */
public final class FraudAlertKey implements Serializable {
    private static final long serialVersionUID = 1L;

    @AffinityKeyMapped
    private final long playerId;
    private final String alertId;

    public FraudAlertKey(long playerId, String alertId) {
        this.playerId = playerId;
        this.alertId = Objects.requireNonNull(alertId, "alertId");
    }

    public long playerId() {
        return playerId;
    }

    public String alertId() {
        return alertId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FraudAlertKey k && k.playerId == playerId && k.alertId.equals(alertId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(playerId, alertId);
    }

    @Override
    public String toString() {
        return playerId + "/" + alertId;
    }
}
