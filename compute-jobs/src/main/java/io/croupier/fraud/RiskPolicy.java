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
 * The inline risk checks as the money transaction's play policy. Per checked operation it reads one key of the
 * player's own partition inside the transaction: the PLAYER_RISK row, with the stake history and a copy of the
 * account status (the PLAYER row is read only while that copy is missing, for histories older than it). It asks
 * {@link RiskRules#all()}, and after an applied stake writes the new history in the same transaction. The state is in
 * the grid, not in this JVM, so it survives a failover with the money it describes. Every status change goes through
 * {@link #setStatusInTx}, in the transaction that changes PLAYER.STATUS.
 */
public final class RiskPolicy implements PlayPolicy {
    private static final long serialVersionUID = 1L;

    private final transient Ignite ignite;
    private final RiskSettings settings;
    private final transient Clock clock;
    /** Looked up on first use: a persistent cluster's caches are not reachable before activation. */
    private transient volatile IgniteCache<Long, Player> players;
    private transient volatile IgniteCache<Long, StakeHistory> histories;

    public RiskPolicy(Ignite ignite, RiskSettings settings, Clock clock) {
        this.ignite = ignite;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ResultCode check(MoneyRequest request, Wallet wallet) {
        return refusal(request, wallet, histories().get(request.playerId()));
    }

    @Override
    public ResultCode checkCashier(MoneyRequest request, Wallet wallet) {
        // The stake rules only judge stakes; the history is read for the status copy it carries.
        return refusal(request, wallet, histories().get(request.playerId()));
    }

    @Override
    public void applied(MoneyRequest request) {
        if (RiskFacts.takesStake(request.kind())) {
            StakeHistory before = histories().get(request.playerId());
            StakeHistory after = (before == null ? StakeHistory.NONE : before).afterStakeAt(clock.millis(),
                    request.amount());
            if (!after.knowsStatus()) {
                // Read in this transaction already by the check: the copy starts here.
                after = after.withStatus(statusFromPlayerRow(request.playerId()));
            }
            histories().put(request.playerId(), after);
        }
    }

    /**
     * Changes a player's account status: PLAYER.STATUS and its copy in the PLAYER_RISK row, both in the caller's
     * transaction (administrators' blocks, fraud alerts' actions and their reviews), on the player's partition. The one
     * way to change a status, so the copy the checks read never lags. Take {@code histories}
     * ({@link #histories(Ignite)}) before the transaction starts: a client node may not open a cache inside one.
     */
    public static void setStatusInTx(IgniteCache<Long, Player> players, IgniteCache<Long, StakeHistory> histories,
                                     long playerId, Player player, PlayerStatus status) {
        players.put(playerId, player.withStatus(status));
        StakeHistory before = histories.get(playerId);
        histories.put(playerId, (before == null ? StakeHistory.NONE : before).withStatus(status));
    }

    /** The PLAYER_RISK cache, for {@link #setStatusInTx}. */
    public static IgniteCache<Long, StakeHistory> histories(Ignite ignite) {
        return ignite.cache(CacheSchema.PLAYER_RISK);
    }

    private ResultCode refusal(MoneyRequest request, Wallet wallet, StakeHistory stored) {
        StakeHistory history = stored == null ? StakeHistory.NONE : stored;
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

    private IgniteCache<Long, StakeHistory> histories() {
        IgniteCache<Long, StakeHistory> c = histories;
        if (c == null) {
            c = ignite.cache(CacheSchema.PLAYER_RISK);
            histories = c;
        }
        return c;
    }
}
