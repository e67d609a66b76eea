package io.croupier.rg;

import io.croupier.schema.CacheSchema;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.OperationKind;
import io.croupier.wallet.PlayPolicy;
import io.croupier.wallet.ResultCode;
import io.croupier.wallet.Wallet;
import java.sql.Timestamp;
import java.time.Clock;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

/**
 * The player's responsible-gambling limits and the inline cashier checks as a play policy. Per checked stake or
 * deposit it reads one key of the player's own partition inside the money transaction (RG_LIMIT) and the tally the
 * wallet row carries, and asks {@link RgRules#all()}; after every applied deposit, stake, win or refund it returns the
 * wallet with the new tally, which the transaction writes. A refusal by a limit also writes one LIMIT_REACHED row per
 * limit and period (RG_EVENT): the only thing a refused operation writes, so the intervention is on record.
 * Withdrawals are not checked.
 */
public final class RgPolicy implements PlayPolicy {
    private static final long serialVersionUID = 1L;

    private final transient Ignite ignite;
    private final CashierSettings settings;
    private final transient Clock clock;
    /** Looked up on first use: a persistent cluster's caches are not reachable before activation. */
    private transient volatile IgniteCache<Long, RgLimits> limits;
    private transient volatile IgniteCache<RgEventKey, RgEvent> events;

    public RgPolicy(Ignite ignite, CashierSettings settings, Clock clock) {
        this.ignite = ignite;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ResultCode check(MoneyRequest request, Wallet wallet) {
        return refusal(request, wallet);
    }

    @Override
    public ResultCode checkCashier(MoneyRequest request, Wallet wallet) {
        return request.kind() == OperationKind.DEPOSIT ? refusal(request, wallet) : null;
    }

    @Override
    public Wallet applied(MoneyRequest request, Wallet wallet, long amountMinor, long winMinor) {
        long loss = switch (request.kind()) {
            case BET -> amountMinor;
            case BET_AND_WIN, SPIN -> amountMinor - winMinor;
            case WIN, VOID -> -amountMinor;
            default -> 0;
        };
        if (request.kind() != OperationKind.DEPOSIT && loss == 0) {
            return wallet;
        }
        long now = clock.millis();
        PlayerTally before = tallyOf(wallet);
        return wallet.withRgState(request.kind() == OperationKind.DEPOSIT
                ? before.afterDeposit(now, amountMinor) : before.afterPlay(now, loss));
    }

    /** The tally a wallet row carries; {@link PlayerTally#NONE} before anything was counted. */
    public static PlayerTally tallyOf(Wallet wallet) {
        return wallet == null || wallet.rgState() == null ? PlayerTally.NONE : (PlayerTally) wallet.rgState();
    }

    private ResultCode refusal(MoneyRequest request, Wallet wallet) {
        long now = clock.millis();
        RgLimits l = limits().get(request.playerId());
        RgFacts facts = new RgFacts(request, l == null ? RgLimits.NONE : l, tallyOf(wallet), now, settings);
        RgRejection rejection = RgRules.firstRejection(facts);
        recordReached(events(), facts, rejection);
        return rejection == null ? null : rejection.code();
    }

    /**
     * A refusal by a deposit or loss limit is an intervention on record: one LIMIT_REACHED row per player, limit and
     * period (its id names them), however often the limit refuses.
     */
    static void recordReached(IgniteCache<RgEventKey, RgEvent> events, RgFacts facts, RgRejection rejection) {
        if (rejection != RgRejection.DEPOSIT_LIMIT && rejection != RgRejection.LOSS_LIMIT) {
            return;
        }
        MoneyRequest request = facts.request();
        long now = facts.nowMs();
        LimitKind kind = rejection == RgRejection.LOSS_LIMIT ? LimitKind.LOSS_DAY : RgRules.depositLimitPassed(facts);
        events.putIfAbsent(new RgEventKey(request.playerId(), "reached:" + kind + ":" + PlayerTally.periodOf(kind, now)),
                new RgEvent(RgEventKind.LIMIT_REACHED, kind + " " + facts.limits().limitAt(kind, now) + " reached by a "
                        + request.kind() + " of " + request.amount(), RgEvent.SYSTEM, new Timestamp(now)));
    }

    private IgniteCache<Long, RgLimits> limits() {
        IgniteCache<Long, RgLimits> c = limits;
        if (c == null) {
            c = ignite.cache(CacheSchema.RG_LIMIT);
            limits = c;
        }
        return c;
    }

    private IgniteCache<RgEventKey, RgEvent> events() {
        IgniteCache<RgEventKey, RgEvent> c = events;
        if (c == null) {
            c = ignite.cache(CacheSchema.RG_EVENT);
            events = c;
        }
        return c;
    }
}
