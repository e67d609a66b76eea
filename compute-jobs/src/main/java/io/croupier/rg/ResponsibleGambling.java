package io.croupier.rg;

import io.croupier.schema.CacheSchema;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.ResultCode;
import io.croupier.wallet.Wallet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The player's side of responsible gambling: see their limits, set one, take a time-out or self-exclude, and the
 * cashier's record of a declined deposit. Each is one pessimistic transaction run on the primary node of the player's
 * partition (WALLET, RG_LIMIT and RG_EVENT rows of one player, locked in that order; the tally rides in the wallet
 * row), so it never waits on the network inside the transaction. Every change writes its RG_EVENT row in the same
 * transaction. Nothing here lets a player shorten a break or loosen a limit at once.
 */
public final class ResponsibleGambling {
    private static final Logger log = LoggerFactory.getLogger(ResponsibleGambling.class);
    private static final long TX_TIMEOUT_MS = 5_000;
    private static final String SETTINGS_KEY = ResponsibleGambling.class.getName() + ".settings";

    private final Ignite ignite;

    public ResponsibleGambling(Ignite ignite) {
        this.ignite = ignite;
    }

    /** Makes the node's cashier thresholds known to the jobs that run on it (GridNodes, at start). */
    public static void configure(Ignite node, CashierSettings settings) {
        node.cluster().nodeLocalMap().put(SETTINGS_KEY, settings);
    }

    static CashierSettings settingsOn(Ignite node) {
        Object s = node.cluster().nodeLocalMap().get(SETTINGS_KEY);
        return s instanceof CashierSettings c ? c : CashierSettings.defaults();
    }

    public RgResult view(long playerId) {
        return call(playerId, new RgJob(playerId, Action.VIEW, null, null, null, null));
    }

    /** Sets (amount) or removes (null) a limit: tighter at once, looser after 24 hours. */
    public RgResult setLimit(long playerId, LimitKind kind, Long amountMinor) {
        if (kind == null || amountMinor != null && amountMinor <= 0) {
            return RgResult.rejected(ResultCode.INVALID_LIMIT);
        }
        return call(playerId, new RgJob(playerId, Action.SET_LIMIT, kind, amountMinor, null, null));
    }

    /** Starts a time-out or self-exclusion; one already running that ends later stays as it is. */
    public RgResult exclude(long playerId, Exclusion exclusion) {
        if (exclusion == null) {
            return RgResult.rejected(ResultCode.INVALID_EXCLUSION);
        }
        return call(playerId, new RgJob(playerId, Action.EXCLUDE, null, null, exclusion, null));
    }

    /**
     * Would the limits, a break or the cashier checks refuse this deposit now? OK or the refusal's code (a refusal by
     * a deposit limit leaves its LIMIT_REACHED row, as in the money transaction). An early look only (the money
     * transaction decides), so the payment provider is not asked to authorise a deposit that would be refused.
     */
    public RgResult depositRefusal(MoneyRequest deposit) {
        return call(deposit.playerId(), new RgJob(deposit.playerId(), Action.CHECK_DEPOSIT, null, null, null, deposit));
    }

    /** The payment provider declined a deposit: counted, and deposits locked when there were too many. */
    public RgResult declinedDeposit(long playerId) {
        return call(playerId, new RgJob(playerId, Action.DECLINED_DEPOSIT, null, null, null, null));
    }

    private RgResult call(long playerId, RgJob job) {
        if (playerId <= 0) {
            return RgResult.rejected(ResultCode.UNKNOWN_PLAYER);
        }
        try {
            return ignite.compute().affinityCall(CacheSchema.RG_LIMIT, playerId, job);
        } catch (IgniteException e) {
            log.warn("Limits request {} for player {} failed", job.action, playerId, e);
            return RgResult.rejected(ResultCode.UNAVAILABLE);
        }
    }

    /** Opens the transaction the jobs (this one's and the administrators') run their work in. */
    public static Transaction txStart(Ignite node) {
        return node.transactions().txStart(TransactionConcurrency.PESSIMISTIC, TransactionIsolation.REPEATABLE_READ,
                TX_TIMEOUT_MS, 4);
    }

    /**
     * Inside the caller's transaction: the player's limits with every loosening that has come due folded in, each
     * with its LIMIT_APPLIED row (id named by the change, so recorded once).
     */
    public static RgLimits settledInTx(Ignite node, long playerId, long nowMs) {
        IgniteCache<Long, RgLimits> limits = node.cache(CacheSchema.RG_LIMIT);
        RgLimits stored = limits.get(playerId);
        if (stored == null) {
            return RgLimits.NONE;
        }
        RgLimits settled = stored.settledAt(nowMs);
        if (settled != stored) {
            for (LimitKind k : stored.dueAt(nowMs)) {
                record(node, playerId, "applied:" + k + ":" + stored.pendingFrom(k).getTime(), RgEventKind.LIMIT_APPLIED,
                        k + " " + amount(stored.pending(k)), RgEvent.SYSTEM, stored.pendingFrom(k).getTime());
            }
            limits.put(playerId, settled);
        }
        return settled;
    }

    /** Inside the caller's transaction: the view of {@code limits} with the player's tally. */
    public static RgView viewInTx(Ignite node, long playerId, RgLimits limits, long nowMs) {
        PlayerTally tally = tallyInTx(node, playerId);
        CashierSettings s = settingsOn(node);
        return new RgView(limits, tally, nowMs,
                tally.depositsLockedUntilAt(nowMs, s.declinedDepositsMax(), s.declinedDepositsWindowMs()));
    }

    /** Inside the caller's transaction: the player's tally, from their wallet row. */
    public static PlayerTally tallyInTx(Ignite node, long playerId) {
        return RgPolicy.tallyOf(node.<Long, Wallet>cache(CacheSchema.WALLET).get(playerId));
    }

    /** Inside the caller's transaction: the player's wallet row with {@code tally}, its balance untouched. */
    public static void putTallyInTx(Ignite node, long playerId, PlayerTally tally) {
        IgniteCache<Long, Wallet> wallets = node.cache(CacheSchema.WALLET);
        Wallet wallet = wallets.get(playerId);
        if (wallet != null) {
            wallets.put(playerId, wallet.withRgState(tally));
        }
    }

    /** Writes one RG_EVENT row unless one with that id exists. */
    public static void record(Ignite node, long playerId, String eventId, RgEventKind kind, String detail, String actor,
                              long atMs) {
        node.<RgEventKey, RgEvent>cache(CacheSchema.RG_EVENT).putIfAbsent(new RgEventKey(playerId, eventId),
                new RgEvent(kind, detail, actor, new Timestamp(atMs)));
    }

    public static String amount(Long amountMinor) {
        return amountMinor == null ? "none" : amountMinor.toString();
    }

    private enum Action { VIEW, SET_LIMIT, EXCLUDE, DECLINED_DEPOSIT, CHECK_DEPOSIT }

    private static final class RgJob implements IgniteCallable<RgResult> {
        private static final long serialVersionUID = 1L;

        private final long playerId;
        private final Action action;
        private final LimitKind kind;
        private final Long amountMinor;
        private final Exclusion exclusion;
        private final MoneyRequest deposit;
        @IgniteInstanceResource
        private transient Ignite ignite;

        RgJob(long playerId, Action action, LimitKind kind, Long amountMinor, Exclusion exclusion,
              MoneyRequest deposit) {
            this.playerId = playerId;
            this.action = action;
            this.kind = kind;
            this.amountMinor = amountMinor;
            this.exclusion = exclusion;
            this.deposit = deposit;
        }

        @Override
        public RgResult call() {
            IgniteCache<Long, Wallet> wallets = ignite.cache(CacheSchema.WALLET);
            IgniteCache<Long, RgLimits> limitsCache = ignite.cache(CacheSchema.RG_LIMIT);
            long now = Clock.systemUTC().millis();
            try (Transaction tx = txStart(ignite)) {
                if (!wallets.containsKey(playerId)) {
                    return RgResult.rejected(ResultCode.UNKNOWN_PLAYER);
                }
                RgLimits limits = settledInTx(ignite, playerId, now);
                switch (action) {
                    case VIEW -> {
                    }
                    case SET_LIMIT -> {
                        RgLimits.Change change = limits.requested(kind, amountMinor, now);
                        if (change.event() != null) {
                            limits = change.limits();
                            limitsCache.put(playerId, limits);
                            String detail = kind + " " + amount(limits.limit(kind))
                                    + (change.event() == RgEventKind.LIMIT_INCREASE_PENDING
                                    ? " → " + amount(amountMinor) + " from " + limits.pendingFrom(kind).toInstant()
                                    : "");
                            record(ignite, playerId, UUID.randomUUID().toString(), change.event(), detail,
                                    RgEvent.PLAYER, now);
                        }
                    }
                    case EXCLUDE -> {
                        RgLimits after = limits.excluded(exclusion, now);
                        if (after != limits) {
                            limits = after;
                            limitsCache.put(playerId, limits);
                            String until = exclusion.isPermanent() ? "permanent"
                                    : "until " + Instant.ofEpochMilli(exclusion.endsAtMs(now));
                            record(ignite, playerId, UUID.randomUUID().toString(), exclusion.isSelfExclusion()
                                    ? RgEventKind.SELF_EXCLUDED : RgEventKind.TIME_OUT, exclusion + " " + until,
                                    RgEvent.PLAYER, now);
                        }
                    }
                    case DECLINED_DEPOSIT -> declined(now);
                    case CHECK_DEPOSIT -> {
                        RgFacts facts = new RgFacts(deposit, limits, tallyInTx(ignite, playerId), now,
                                settingsOn(ignite));
                        RgRejection refusal = RgRules.firstRejection(facts);
                        if (refusal != null) {
                            RgPolicy.recordReached(ignite.cache(CacheSchema.RG_EVENT), facts, refusal);
                            tx.commit();
                            return RgResult.rejected(refusal.code());
                        }
                    }
                    default -> throw new IllegalStateException("unknown action " + action);
                }
                RgView view = viewInTx(ignite, playerId, limits, now);
                tx.commit();
                return RgResult.ok(view);
            }
        }

        private void declined(long now) {
            CashierSettings s = settingsOn(ignite);
            PlayerTally before = tallyInTx(ignite, playerId);
            PlayerTally after = before.afterDeclinedDeposit(now);
            putTallyInTx(ignite, playerId, after);
            long lockedUntil = after.depositsLockedUntilAt(now, s.declinedDepositsMax(), s.declinedDepositsWindowMs());
            if (lockedUntil > now
                    && before.depositsLockedUntilAt(now, s.declinedDepositsMax(), s.declinedDepositsWindowMs()) <= now) {
                record(ignite, playerId, "locked:" + now, RgEventKind.DEPOSITS_LOCKED, s.declinedDepositsMax()
                        + " declined deposits within " + s.declinedDepositsWindowMs() / 1_000 + " s; locked until "
                        + Instant.ofEpochMilli(lockedUntil), RgEvent.SYSTEM, now);
            }
        }
    }
}
