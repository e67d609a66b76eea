package io.croupier.fraud.detect;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;

/**
 * Value of the RISK_SETTING cache (key: the setting's name): one threshold of the detection rules, who set it and
 * when. A decimal, because thresholds are counts, amounts in minor units, ratios and z-scores alike.
 */
public final class RiskSetting implements Serializable {
    private static final long serialVersionUID = 1L;

    private final BigDecimal threshold;
    private final Timestamp updatedAt;
    private final String updatedBy;

    public RiskSetting(BigDecimal threshold, Timestamp updatedAt, String updatedBy) {
        this.threshold = threshold;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    public BigDecimal value() {
        return threshold;
    }

    public Timestamp updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
