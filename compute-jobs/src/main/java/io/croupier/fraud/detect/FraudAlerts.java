package io.croupier.fraud.detect;

import io.croupier.check.Check;
import io.croupier.fraud.RiskPolicy;
import io.croupier.player.Player;
import io.croupier.player.PlayerStatus;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.Wallet;
import java.time.Clock;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;

/**
 * Writes findings as FRAUD_ALERT rows and applies their action to the account, both in one transaction in the
 * player's partition: the alert and the status it set commit together or not at all.
 *
 * <p>One row per (player, rule, subject): a repeat adds a hit and keeps the worse severity. The action follows the
 * severity (LOW flag, MEDIUM hold withdrawals, HIGH block play) and never softens a status: a BLOCKED,
 * SELF_EXCLUDED or CLOSED account stays as it is; only an ACTIVE account is held, only ACTIVE or HELD is blocked.
 * A reviewed (CONFIRMED or DISMISSED) alert is not reopened by a repeat of the same finding.
 */
public final class FraudAlerts {
    private final Ignite ignite;
    private final Clock clock;

    /** What {@link #raise} did. */
    public record Raised(FraudAlertKey key, boolean created, PlayerStatus statusBefore, PlayerStatus statusAfter) {
    }

    public FraudAlerts(Ignite ignite, Clock clock) {
        this.ignite = ignite;
        this.clock = clock;
    }

    /**
     * Raises a finding where the player's data lives: locally when this node is the player's primary (the detector's
     * case), else through one affinity call (a cross-player finding such as a shared device).
     */
    public Raised raise(Finding finding) {
        if (ignite.affinity(CacheSchema.PLAYER).isPrimary(ignite.cluster().localNode(), finding.playerId())) {
            return raiseHere(finding);
        }
        return ignite.compute(ignite.cluster().forServers())
                .affinityCall(CacheSchema.PLAYER, finding.playerId(), new RaiseJob(finding)).raised();
    }

    /** The transaction itself; runs on the player's primary node. */
    Raised raiseHere(Finding finding) {
        IgniteCache<FraudAlertKey, FraudAlert> alerts = ignite.cache(CacheSchema.FRAUD_ALERT);
        IgniteCache<Long, Player> players = ignite.cache(CacheSchema.PLAYER);
        IgniteCache<Long, Wallet> wallets = ignite.cache(CacheSchema.WALLET);
        long now = clock.millis();
        FraudAlertKey key = finding.key();
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ)) {
            // Lock order: the alert, then the player (the same order in review), so two raises never deadlock.
            FraudAlert prior = alerts.get(key);
            Player player = players.get(finding.playerId());
            PlayerStatus before = player == null ? null : player.status();
            if (prior != null && prior.status() != AlertStatus.OPEN) {
                tx.commit();
                return new Raised(key, false, before, before);
            }
            FraudAlert alert = prior == null ? FraudAlert.opened(finding, now) : prior.repeatedBy(finding, now);
            alerts.put(key, alert);
            PlayerStatus after = before == null ? null : escalate(before, alert.action());
            if (after != before) {
                RiskPolicy.setStatusInTx(players, wallets, finding.playerId(), player, after);
            }
            tx.commit();
            return new Raised(key, prior == null, before, after);
        }
    }

    /**
     * An analyst's review: CONFIRMED keeps the action in force, DISMISSED lifts the hold or block of this alert's
     * kind when no other OPEN or CONFIRMED alert of the player asks for it (a block an administrator set is lifted
     * with {@code bin/croupier admin unblock}). Returns false for an unknown alert. Runs on any node.
     */
    public boolean review(long playerId, String alertId, AlertStatus decision, String reviewer, String note) {
        Check.argument(decision != AlertStatus.OPEN, "a review confirms or dismisses");
        Check.argument(reviewer != null && !reviewer.isBlank(), "reviewer is required");
        IgniteCache<FraudAlertKey, FraudAlert> alerts = ignite.cache(CacheSchema.FRAUD_ALERT);
        IgniteCache<Long, Player> players = ignite.cache(CacheSchema.PLAYER);
        IgniteCache<Long, Wallet> wallets = ignite.cache(CacheSchema.WALLET);
        FraudAlertKey key = new FraudAlertKey(playerId, alertId);
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ)) {
            FraudAlert alert = alerts.get(key);
            if (alert == null) {
                return false;
            }
            Player player = players.get(playerId);
            alerts.put(key, alert.reviewed(decision, reviewer, note, clock.millis()));
            if (decision == AlertStatus.DISMISSED && player != null && alert.action() != AlertAction.FLAG) {
                AlertAction stillRequired = strongestActionInForce(playerId, key);
                PlayerStatus status = player.status();
                PlayerStatus lifted = relax(status, alert.action(), stillRequired);
                if (lifted != status) {
                    RiskPolicy.setStatusInTx(players, wallets, playerId, player, lifted);
                }
            }
            tx.commit();
            return true;
        }
    }

    /** The strongest action that the player's other OPEN or CONFIRMED alerts ask for. */
    private AlertAction strongestActionInForce(long playerId, FraudAlertKey except) {
        AlertAction strongest = AlertAction.FLAG;
        var query = new org.apache.ignite.cache.query.SqlFieldsQuery(
                "SELECT ALERT_ID, ACTION FROM " + CacheSchema.SQL_SCHEMA + ".FRAUD_ALERT "
                        + "WHERE PLAYER_ID = ? AND STATUS IN ('OPEN', 'CONFIRMED')").setArgs(playerId);
        for (var row : ignite.cache(CacheSchema.FRAUD_ALERT).query(query)) {
            if (!except.alertId().equals(row.get(0))) {
                AlertAction a = AlertAction.valueOf((String) row.get(1));
                if (a.compareTo(strongest) > 0) {
                    strongest = a;
                }
            }
        }
        return strongest;
    }

    /** The status an alert's action asks for: only ever stricter than the current one. */
    static PlayerStatus escalate(PlayerStatus current, AlertAction action) {
        return switch (action) {
            case FLAG -> current;
            case HOLD_WITHDRAWALS -> current == PlayerStatus.ACTIVE ? PlayerStatus.HELD : current;
            case BLOCK_PLAY -> current == PlayerStatus.ACTIVE || current == PlayerStatus.HELD
                    ? PlayerStatus.BLOCKED : current;
        };
    }

    /**
     * The status once an alert is dismissed: only the status that alert's own action sets is relaxed (a dismissed
     * hold does not lift a block an administrator set), and only down to what the other alerts still require.
     */
    static PlayerStatus relax(PlayerStatus current, AlertAction dismissed, AlertAction stillRequired) {
        boolean setByIt = (dismissed == AlertAction.BLOCK_PLAY && current == PlayerStatus.BLOCKED)
                || (dismissed == AlertAction.HOLD_WITHDRAWALS && current == PlayerStatus.HELD);
        if (!setByIt) {
            return current;
        }
        return switch (stillRequired) {
            case BLOCK_PLAY -> current;
            case HOLD_WITHDRAWALS -> PlayerStatus.HELD;
            case FLAG -> PlayerStatus.ACTIVE;
        };
    }

    /**
     * Raises a finding on the player's node. Carries the finding's fields and answers in a plain class: records
     * cross the network with neither (Ignite's binary marshaller cannot build them, decision 5).
     */
    private static final class RaiseJob implements IgniteCallable<RaiseReply> {
        private static final long serialVersionUID = 1L;
        private final long playerId;
        private final AlertRule rule;
        private final String subject;
        private final Severity severity;
        private final double score;
        private final String evidence;
        private final long eventAtMs;
        @IgniteInstanceResource
        private transient Ignite ignite;

        RaiseJob(Finding f) {
            this.playerId = f.playerId();
            this.rule = f.rule();
            this.subject = f.subject();
            this.severity = f.severity();
            this.score = f.score();
            this.evidence = f.evidence();
            this.eventAtMs = f.eventAtMs();
        }

        @Override
        public RaiseReply call() {
            Raised r = new FraudAlerts(ignite, Clock.systemUTC()).raiseHere(
                    new Finding(playerId, rule, subject, severity, score, evidence, eventAtMs));
            return new RaiseReply(r.key(), r.created(), r.statusBefore(), r.statusAfter());
        }
    }

    private static final class RaiseReply implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final FraudAlertKey key;
        private final boolean created;
        private final PlayerStatus statusBefore;
        private final PlayerStatus statusAfter;

        RaiseReply(FraudAlertKey key, boolean created, PlayerStatus statusBefore, PlayerStatus statusAfter) {
            this.key = key;
            this.created = created;
            this.statusBefore = statusBefore;
            this.statusAfter = statusAfter;
        }

        Raised raised() {
            return new Raised(key, created, statusBefore, statusAfter);
        }
    }
}
