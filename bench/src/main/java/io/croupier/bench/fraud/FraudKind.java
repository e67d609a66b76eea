package io.croupier.bench.fraud;

import io.croupier.fraud.detect.AlertRule;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of fraud the simulator injects, each with the alert rules that count as detecting it. An alert of one of
 * a kind's rules on a player of that kind is a true positive; on an ordinary player it is a false positive.
 */
enum FraudKind {
    LOW_WAGERING("low-wagering launderer", EnumSet.of(AlertRule.AML_LOW_WAGERING)),
    STRUCTURING("structurer", EnumSet.of(AlertRule.AML_STRUCTURING)),
    LARGE_TRANSACTION("large transaction", EnumSet.of(AlertRule.AML_LARGE_TRANSACTION, AlertRule.AML_LARGE_AGGREGATE)),
    MULTI_ACCOUNT("multi-accounter", EnumSet.of(AlertRule.MULTI_ACCOUNT)),
    COLLUSION("colluding pair at a table", EnumSet.of(AlertRule.TABLE_COLLUSION, AlertRule.CHIP_DUMPING)),
    WIN_RATE("win-rate abuser (third-party rounds)", EnumSet.of(AlertRule.WIN_RATE_ANOMALY));

    private final String label;
    private final Set<AlertRule> rules;

    FraudKind(String label, Set<AlertRule> rules) {
        this.label = label;
        this.rules = rules;
    }

    String label() {
        return label;
    }

    /** The rules whose alerts detect this kind. */
    Set<AlertRule> rules() {
        return rules;
    }

    /** The kind a rule detects; null for ANOMALY_SCORE, which is about any kind and scored on its own line. */
    static FraudKind detectedBy(AlertRule rule) {
        for (FraudKind k : values()) {
            if (k.rules.contains(rule)) {
                return k;
            }
        }
        return null;
    }

    /**
     * Other kinds on which an alert of {@code rule} is a correct finding although it is not the one the kind is
     * measured by, so neither a true nor a false positive: a structurer's deposits just under the threshold add up
     * past it, which is exactly what AML_LARGE_AGGREGATE must report.
     */
    static Set<FraudKind> alsoCorrectOn(AlertRule rule) {
        return rule == AlertRule.AML_LARGE_AGGREGATE ? EnumSet.of(STRUCTURING) : EnumSet.noneOf(FraudKind.class);
    }
}
