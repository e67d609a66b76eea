package io.croupier.fraud.detect;

import io.croupier.check.Check;
import java.io.Serializable;

/**
 * What a rule concluded about one player: the raw material of a FRAUD_ALERT row.
 *
 * @param playerId  the player the alert is about (and whose account the action applies to)
 * @param rule      the rule that found it
 * @param subject   what the finding is about, so that repeats of it update one alert: e.g. {@code day:2026-11-29},
 *                  {@code device:ab12..}, {@code pair:17-42@eu-1}; printable, at most 96 characters
 * @param severity  decides the action on the account
 * @param score     the rule's measure (a z-score, a count, a ratio, an amount in minor units): higher is worse
 * @param evidence  short human-readable facts an analyst needs to review it (at most 1,000 characters; no secrets)
 * @param eventAtMs when the event that triggered the finding happened (epoch ms): detection latency starts here
 */
public record Finding(long playerId, AlertRule rule, String subject, Severity severity, double score,
                      String evidence, long eventAtMs) implements Serializable {
    public static final int SUBJECT_LENGTH_MAX = 96;
    public static final int EVIDENCE_LENGTH_MAX = 1_000;

    public Finding {
        Check.argument(rule != null && severity != null, "rule and severity are required");
        Check.argument(subject != null && !subject.isEmpty() && subject.length() <= SUBJECT_LENGTH_MAX,
                "subject must be 1.." + SUBJECT_LENGTH_MAX + " characters");
        Check.argument(!Double.isNaN(score), "score must be a number");
        evidence = evidence == null ? "" : evidence.length() <= EVIDENCE_LENGTH_MAX ? evidence
                : evidence.substring(0, EVIDENCE_LENGTH_MAX);
    }

    /** The alert id: one row per (rule, subject) and player. */
    public String alertId() {
        return rule.name() + ":" + subject;
    }

    public FraudAlertKey key() {
        return new FraudAlertKey(playerId, alertId());
    }
}
