package io.croupier.admin;

import io.croupier.check.Check;
import io.croupier.fraud.RiskPolicy;
import io.croupier.player.Player;
import io.croupier.player.PlayerStatus;
import io.croupier.rg.LimitKind;
import io.croupier.rg.PlayerTally;
import io.croupier.rg.ResponsibleGambling;
import io.croupier.rg.RgEvent;
import io.croupier.rg.RgEventKind;
import io.croupier.rg.RgLimits;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.RequestValidation;
import io.croupier.wallet.ResultCode;
import io.croupier.wallet.Wallet;
import io.croupier.wallet.WalletService;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;

/**
 * Player administration as audited operations, never raw cache edits: a status change is written in the same
 * transaction as its ADMIN_ACTION row; a balance correction is an ADJUST_CREDIT/ADJUST_DEBIT transfer through the
 * money pipeline (double entry against HOUSE_ADJUSTMENTS, idempotent on the action key; its reference
 * {@code admin:<admin>:<action key>} names the administrator and leads to the ADMIN_ACTION row with the reason),
 * then recorded in ADMIN_ACTION. Each action key is applied once: a repeat returns the first outcome.
 */
public final class AdminActions {
    public static final int REASON_LENGTH_MAX = 80;
    public static final int ADMIN_LENGTH_MAX = 32;

    private final Ignite ignite;
    private final IgniteCache<Long, Player> players;
    private final IgniteCache<AdminActionKey, AdminAction> actions;
    private final IgniteCache<Long, Wallet> wallets;
    private final Clock clock;

    /** The outcome of one action: OK, a named rejection, or the replay of an earlier action under the same key. */
    public record Outcome(ResultCode code, boolean replayed, AdminAction action) {
        public boolean isOk() {
            return code == ResultCode.OK;
        }
    }

    public AdminActions(Ignite ignite, Clock clock) {
        this.ignite = ignite;
        this.players = ignite.cache(CacheSchema.PLAYER);
        this.actions = ignite.cache(CacheSchema.ADMIN_ACTION);
        this.wallets = ignite.cache(CacheSchema.WALLET);
        this.clock = clock;
    }

    /** Blocks ({@code BLOCK}) or unblocks ({@code UNBLOCK}) a player, with the audit row, in one transaction. */
    public Outcome setBlocked(long playerId, boolean blocked, String admin, String reason, String actionKey) {
        checkWho(admin, reason, actionKey);
        AdminActionKind kind = blocked ? AdminActionKind.BLOCK : AdminActionKind.UNBLOCK;
        AdminActionKey key = new AdminActionKey(playerId, actionKey);
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ)) {
            AdminAction prior = actions.get(key);
            if (prior != null) {
                return new Outcome(prior.action() == kind ? ResultCode.OK : ResultCode.DUPLICATE_KEY_DIFFERENT_REQUEST,
                        true, prior);
            }
            Player player = players.get(playerId);
            if (player == null) {
                return new Outcome(ResultCode.UNKNOWN_PLAYER, false, null);
            }
            PlayerStatus after = blocked ? PlayerStatus.BLOCKED : PlayerStatus.ACTIVE;
            RiskPolicy.setStatusInTx(players, wallets, playerId, player, after);
            AdminAction action = new AdminAction(admin, kind, reason, 0, player.currency(), null, ResultCode.OK.name(),
                    player.status().name(), after.name(), new Timestamp(clock.millis()));
            actions.put(key, action);
            tx.commit();
            return new Outcome(ResultCode.OK, false, action);
        }
    }

    /**
     * Corrects a balance by {@code amountMinor} (positive: credit, negative: debit) as a ledger-correct transfer,
     * then records the action. A debit never takes a wallet below zero (INSUFFICIENT_FUNDS).
     */
    public Outcome adjust(WalletService wallet, long playerId, long amountMinor, String currency, String admin,
                          String reason, String actionKey) {
        checkWho(admin, reason, actionKey);
        Check.argument(amountMinor != 0 && amountMinor != Long.MIN_VALUE, "amount must be non-zero");
        AdminActionKey key = new AdminActionKey(playerId, actionKey);
        AdminAction prior = actions.get(key);
        if (prior != null) {
            return new Outcome(prior.amount() == amountMinor ? ResultCode.OK : ResultCode.DUPLICATE_KEY_DIFFERENT_REQUEST,
                    true, prior);
        }
        // The money operation is idempotent on the same key: if this process died after it and before the audit
        // row, running the action again replays the transfer and writes the row.
        MoneyResult result = wallet.execute(MoneyRequest.adjustment(playerId, "admin:" + actionKey, currency,
                amountMinor, "admin:" + admin + ":" + actionKey));
        if (!result.isOk()) {
            return new Outcome(result.code(), false, null);
        }
        AdminAction action = new AdminAction(admin, AdminActionKind.ADJUST, reason, amountMinor, currency,
                result.transferId(), ResultCode.OK.name(), null, null, new Timestamp(clock.millis()));
        actions.putIfAbsent(key, action);
        return new Outcome(ResultCode.OK, result.replayed(), actions.get(key));
    }

    /**
     * Sets a player's {@code kind} limit to {@code amountMinor} (null: removes it) at once, bypassing the 24-hour wait
     * a player has (an affordability decision, or a player's looser limit approved early), with its ADMIN_ACTION and
     * ADMIN_OVERRIDE rows, in one transaction on the player's node.
     */
    public Outcome overrideLimit(long playerId, LimitKind kind, Long amountMinor, String admin, String reason,
                                 String actionKey) {
        checkWho(admin, reason, actionKey);
        Check.argument(kind != null, "limit kind required");
        Check.argument(amountMinor == null || amountMinor > 0, "a limit is a positive amount (or none)");
        return onPlayersNode(playerId, new RgOverrideJob(playerId, AdminActionKind.LIMIT_OVERRIDE, kind, amountMinor,
                admin, reason, actionKey));
    }

    /** Clears the declined-deposit lock of a player (the declines are forgotten), audited like every action. */
    public Outcome clearDepositLock(long playerId, String admin, String reason, String actionKey) {
        checkWho(admin, reason, actionKey);
        return onPlayersNode(playerId, new RgOverrideJob(playerId, AdminActionKind.CLEAR_DEPOSIT_LOCK, null, null,
                admin, reason, actionKey));
    }

    private Outcome onPlayersNode(long playerId, RgOverrideJob job) {
        if (playerId <= 0) {
            return new Outcome(ResultCode.UNKNOWN_PLAYER, false, null);
        }
        try {
            Sent sent = ignite.compute().affinityCall(CacheSchema.RG_LIMIT, playerId, job);
            return new Outcome(sent.code, sent.replayed, sent.action);
        } catch (IgniteException e) {
            return new Outcome(ResultCode.UNAVAILABLE, false, null);
        }
    }

    /** An outcome on its way back from a job: a plain class (the binary marshaller cannot build records). */
    private static final class Sent implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final ResultCode code;
        final boolean replayed;
        final AdminAction action;

        Sent(ResultCode code, boolean replayed, AdminAction action) {
            this.code = code;
            this.replayed = replayed;
            this.action = action;
        }
    }

    /** An administrator's change of a player's limits or deposit lock, run where the player's rows are. */
    private static final class RgOverrideJob implements IgniteCallable<Sent> {
        private static final long serialVersionUID = 1L;

        private final long playerId;
        private final AdminActionKind kind;
        private final LimitKind limit;
        private final Long amountMinor;
        private final String admin;
        private final String reason;
        private final String actionKey;
        @IgniteInstanceResource
        private transient Ignite ignite;

        RgOverrideJob(long playerId, AdminActionKind kind, LimitKind limit, Long amountMinor, String admin,
                      String reason, String actionKey) {
            this.playerId = playerId;
            this.kind = kind;
            this.limit = limit;
            this.amountMinor = amountMinor;
            this.admin = admin;
            this.reason = reason;
            this.actionKey = actionKey;
        }

        @Override
        public Sent call() {
            IgniteCache<AdminActionKey, AdminAction> actions = ignite.cache(CacheSchema.ADMIN_ACTION);
            IgniteCache<Long, Player> players = ignite.cache(CacheSchema.PLAYER);
            AdminActionKey key = new AdminActionKey(playerId, actionKey);
            long now = Clock.systemUTC().millis();
            try (Transaction tx = ResponsibleGambling.txStart(ignite)) {
                AdminAction prior = actions.get(key);
                if (prior != null) {
                    return new Sent(prior.action() == kind ? ResultCode.OK
                            : ResultCode.DUPLICATE_KEY_DIFFERENT_REQUEST, true, prior);
                }
                Player player = players.get(playerId);
                if (player == null) {
                    return new Sent(ResultCode.UNKNOWN_PLAYER, false, null);
                }
                String before;
                String after;
                if (kind == AdminActionKind.LIMIT_OVERRIDE) {
                    RgLimits limits = ResponsibleGambling.settledInTx(ignite, playerId, now);
                    before = limit + "=" + ResponsibleGambling.amount(limits.limit(limit));
                    after = limit + "=" + ResponsibleGambling.amount(amountMinor);
                    ignite.<Long, RgLimits>cache(CacheSchema.RG_LIMIT).put(playerId,
                            limits.overridden(limit, amountMinor, now));
                } else {
                    PlayerTally tally = ResponsibleGambling.tallyInTx(ignite, playerId);
                    before = "declined deposits " + tally.declinedDepositsAt(now, Long.MAX_VALUE / 2);
                    after = "declined deposits 0";
                    ResponsibleGambling.putTallyInTx(ignite, playerId, tally.withoutDeclinedDeposits());
                }
                ResponsibleGambling.record(ignite, playerId, "admin:" + actionKey, RgEventKind.ADMIN_OVERRIDE,
                        kind + " " + before + " → " + after, RgEvent.admin(admin), now);
                AdminAction action = new AdminAction(admin, kind, reason,
                        amountMinor == null ? 0 : amountMinor, player.currency(), null, ResultCode.OK.name(), before,
                        after, new Timestamp(now));
                actions.put(key, action);
                tx.commit();
                return new Sent(ResultCode.OK, false, action);
            }
        }
    }

    public Optional<AdminAction> find(long playerId, String actionKey) {
        return Optional.ofNullable(actions.get(new AdminActionKey(playerId, actionKey)));
    }

    private static void checkWho(String admin, String reason, String actionKey) {
        Check.argument(admin != null && admin.matches("[A-Za-z0-9_.-]{1," + ADMIN_LENGTH_MAX + "}"),
                "admin name: 1.." + ADMIN_LENGTH_MAX + " letters, digits, . _ -");
        Check.argument(reason != null && !reason.isBlank() && reason.length() <= REASON_LENGTH_MAX
                        && reason.chars().allMatch(c -> c >= 0x20 && c < 0x7f),
                "reason: 1.." + REASON_LENGTH_MAX + " printable characters");
        Check.argument(RequestValidation.isValidKey(actionKey) && actionKey.length() <= RequestValidation.KEY_LENGTH_MAX - 6,
                "action key: letters, digits, - _ . : (at most " + (RequestValidation.KEY_LENGTH_MAX - 6) + ")");
    }
}
