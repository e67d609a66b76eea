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
 * velocity), asks {@link RiskRules#all()}, and after an applied stake writes the new velocity in the same
 * transaction. The state is in the grid, not in this JVM, so it survives a failover with the money it describes.
 */
public final class RiskPolicy implements PlayPolicy {
    private static final long serialVersionUID = 1L;

    private final transient Ignite ignite;
    private final RiskSettings settings;
    private final transient Clock clock;
    /** Looked up on first use: a persistent cluster's caches are not reachable before activation. */
    private transient volatile IgniteCache<Long, Player> players;
    private transient volatile IgniteCache<Long, StakeVelocity> velocities;

    public RiskPolicy(Ignite ignite, RiskSettings settings, Clock clock) {
        this.ignite = ignite;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ResultCode check(MoneyRequest request, Wallet wallet) {
        return refusal(request, wallet, velocities().get(request.playerId()));
    }

    @Override
    public ResultCode checkCashier(MoneyRequest request, Wallet wallet) {
        // The velocity rules only count stakes: no need to read it here.
        return refusal(request, wallet, StakeVelocity.NONE);
    }

    @Override
    public void applied(MoneyRequest request) {
        if (RiskFacts.takesStake(request.kind())) {
            StakeVelocity before = velocities().get(request.playerId());
            velocities().put(request.playerId(),
                    (before == null ? StakeVelocity.NONE : before).afterStakeAt(clock.millis()));
        }
    }

    private ResultCode refusal(MoneyRequest request, Wallet wallet, StakeVelocity velocity) {
        Player player = players().get(request.playerId());
        // A wallet without a PLAYER row (opened by tools and tests) has no status to enforce.
        PlayerStatus status = player == null ? PlayerStatus.ACTIVE : player.status();
        RiskRejection rejection = RiskRules.firstRejection(new RiskFacts(request, wallet, status,
                velocity == null ? StakeVelocity.NONE : velocity, clock.millis(), settings));
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

    private IgniteCache<Long, StakeVelocity> velocities() {
        IgniteCache<Long, StakeVelocity> c = velocities;
        if (c == null) {
            c = ignite.cache(CacheSchema.PLAYER_RISK);
            velocities = c;
        }
        return c;
    }
}
