package io.croupier.fraud;

import io.croupier.player.Player;
import io.croupier.player.PlayerStatus;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.PlayPolicy;
import io.croupier.wallet.ResultCode;
import io.croupier.wallet.Wallet;
import java.time.Clock;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

/**
 * The inline risk checks as the money transaction's play policy. It reads no row of its own: the stake history and
 * a copy of the account status ride in the wallet row the transaction has already read (the PLAYER row is read only
 * while that copy is missing, for histories older than it). It asks {@link RiskRules#all()}, and after an applied
 * stake returns the wallet with the new history, which the transaction writes. The state is in the grid, not in this
 * JVM, so it survives a failover with the money it describes. Every status change goes through {@link #setStatusInTx},
 * in the transaction that changes PLAYER.STATUS.
 */
public final class RiskPolicy implements PlayPolicy {
    private static final long serialVersionUID = 1L;

    private final transient Ignite ignite;
    private final RiskSettings settings;
    private final transient Clock clock;
    /** Looked up on first use: a persistent cluster's caches are not reachable before activation. */
    private transient volatile IgniteCache<Long, Player> players;

    public RiskPolicy(Ignite ignite, RiskSettings settings, Clock clock) {
        this.ignite = ignite;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ResultCode check(MoneyRequest request, Wallet wallet) {
        return refusal(request, wallet, historyOf(wallet));
    }

    @Override
    public ResultCode checkCashier(MoneyRequest request, Wallet wallet) {
        // The stake rules only judge stakes; the history is read for the status copy it carries.
        return refusal(request, wallet, historyOf(wallet));
    }

    @Override
    public Wallet applied(MoneyRequest request, Wallet wallet, long amountMinor, long winMinor) {
        if (!RiskFacts.takesStake(request.kind())) {
            return wallet;
        }
        StakeHistory after = historyOf(wallet).afterStakeAt(clock.millis(), request.amount());
        if (!after.knowsStatus()) {
            // Read in this transaction already by the check: the copy starts here.
            after = after.withStatus(statusFromPlayerRow(request.playerId()));
        }
        return wallet.withRiskState(after);
    }

    /** The stake history a wallet row carries; {@link StakeHistory#NONE} before the first stake. */
    public static StakeHistory historyOf(Wallet wallet) {
        return wallet == null || wallet.riskState() == null ? StakeHistory.NONE : (StakeHistory) wallet.riskState();
    }

    /**
     * Changes a player's account status: PLAYER.STATUS and its copy in the WALLET row, both in the caller's
     * transaction (administrators' blocks, fraud alerts' actions and their reviews), on the player's partition. The one
     * way to change a status, so the copy the checks read never lags. Take the caches before the transaction starts:
     * a client node may not open a cache inside one.
     */
    public static void setStatusInTx(IgniteCache<Long, Player> players, IgniteCache<Long, Wallet> wallets,
                                     long playerId, Player player, PlayerStatus status) {
        players.put(playerId, player.withStatus(status));
        Wallet wallet = wallets.get(playerId);
        if (wallet != null) {
            wallets.put(playerId, wallet.withRiskState(historyOf(wallet).withStatus(status)));
        }
    }

    private ResultCode refusal(MoneyRequest request, Wallet wallet, StakeHistory history) {
        PlayerStatus status = history.knowsStatus() ? history.status() : statusFromPlayerRow(request.playerId());
        RiskRejection rejection = RiskRules.firstRejection(new RiskFacts(request, wallet, status, history,
                clock.millis(), settings));
        return rejection == null ? null : rejection.code();
    }

    /** A wallet without a PLAYER row (opened by tools and tests) has no status to enforce. */
    private PlayerStatus statusFromPlayerRow(long playerId) {
        Player player = players().get(playerId);
        return player == null ? PlayerStatus.ACTIVE : player.status();
    }

    private IgniteCache<Long, Player> players() {
        IgniteCache<Long, Player> c = players;
        if (c == null) {
            c = ignite.cache(CacheSchema.PLAYER);
            players = c;
        }
        return c;
    }
}
