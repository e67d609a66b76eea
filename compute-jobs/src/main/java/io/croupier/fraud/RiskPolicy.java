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
 * The inline risk checks as the money transaction's play policy. Per checked operation it reads two keys of the
 * player's own partition inside the transaction (the PLAYER row for the account status and the PLAYER_RISK stake
 * history), asks {@link RiskRules#all()}, and after an applied stake writes the new history in the same
 * transaction. The state is in the grid, not in this JVM, so it survives a failover with the money it describes.
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
        // The stake rules only judge stakes: no need to read the history here.
        return refusal(request, wallet, StakeHistory.NONE);
    }

    @Override
    public void applied(MoneyRequest request) {
        if (RiskFacts.takesStake(request.kind())) {
            StakeHistory before = histories().get(request.playerId());
            histories().put(request.playerId(),
                    (before == null ? StakeHistory.NONE : before).afterStakeAt(clock.millis(), request.amount()));
        }
    }

    private ResultCode refusal(MoneyRequest request, Wallet wallet, StakeHistory history) {
        Player player = players().get(request.playerId());
        // A wallet without a PLAYER row (opened by tools and tests) has no status to enforce.
        PlayerStatus status = player == null ? PlayerStatus.ACTIVE : player.status();
        RiskRejection rejection = RiskRules.firstRejection(new RiskFacts(request, wallet, status,
                history == null ? StakeHistory.NONE : history, clock.millis(), settings));
        return rejection == null ? null : rejection.code();
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
