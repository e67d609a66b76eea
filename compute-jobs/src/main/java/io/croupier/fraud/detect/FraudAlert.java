package io.croupier.fraud.detect;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * Value of the FRAUD_ALERT cache (key {@link FraudAlertKey}): a rule's finding about a player, the action it took
 * on the account, and its review status. SQL: CROUPIER.FRAUD_ALERT.
 */
public final class FraudAlert implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String rule;
    private final String subject;
    private final String severity;
    private final double score;
    private final String evidence;
    private final String action;
    private final String status;
    /** How many times the finding was made (1 at first; a repeat raises it and may raise score and severity). */
    private final int hits;
    private final Timestamp eventAt;
    private final Timestamp createdAt;
    private final Timestamp updatedAt;
    private final String reviewedBy;
    private final String reviewNote;

    FraudAlert(String rule, String subject, String severity, double score, String evidence, String action,
               String status, int hits, Timestamp eventAt, Timestamp createdAt, Timestamp updatedAt,
               String reviewedBy, String reviewNote) {
        this.rule = rule;
        this.subject = subject;
        this.severity = severity;
        this.score = score;
        this.evidence = evidence;
        this.action = action;
        this.status = status;
        this.hits = hits;
        this.eventAt = eventAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.reviewedBy = reviewedBy;
        this.reviewNote = reviewNote;
    }

    /** A new OPEN alert from a finding, first made at {@code nowMs}. */
    static FraudAlert opened(Finding f, long nowMs) {
        Timestamp now = new Timestamp(nowMs);
        return new FraudAlert(f.rule().name(), f.subject(), f.severity().name(), f.score(), f.evidence(),
                f.severity().action().name(), AlertStatus.OPEN.name(), 1, new Timestamp(f.eventAtMs()), now, now,
                null, null);
    }

    /**
     * The same alert found again: one more hit, the worse of the two severities and scores, the newer evidence.
     * The first event time stays: detection latency is measured from the first event that should have raised it.
     */
    FraudAlert repeatedBy(Finding f, long nowMs) {
        Severity worse = f.severity().compareTo(severity()) > 0 ? f.severity() : severity();
        return new FraudAlert(rule, subject, worse.name(), Math.max(score, f.score()), f.evidence(),
                worse.action().name(), status, hits + 1, eventAt, createdAt, new Timestamp(nowMs), reviewedBy,
                reviewNote);
    }

    /** The alert after an analyst's review. */
    FraudAlert reviewed(AlertStatus newStatus, String reviewer, String note, long nowMs) {
        return new FraudAlert(rule, subject, severity, score, evidence, action, newStatus.name(), hits, eventAt,
                createdAt, new Timestamp(nowMs), reviewer, note);
    }

    public AlertRule rule() {
        return AlertRule.valueOf(rule);
    }

    public String subject() {
        return subject;
    }

    public Severity severity() {
        return Severity.valueOf(severity);
    }

    public double score() {
        return score;
    }

    public String evidence() {
        return evidence;
    }

    public AlertAction action() {
        return AlertAction.valueOf(action);
    }

    public AlertStatus status() {
        return AlertStatus.valueOf(status);
    }

    public int hits() {
        return hits;
    }

    public Timestamp eventAt() {
        return eventAt;
    }

    public Timestamp createdAt() {
        return createdAt;
    }

    public Timestamp updatedAt() {
        return updatedAt;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public String reviewNote() {
        return reviewNote;
    }
}
