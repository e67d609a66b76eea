package io.croupier.game;

import io.croupier.fair.PlayerSeeds;
import io.croupier.fair.RevealedSeed;
import io.croupier.fair.SeedKey;
import io.croupier.fair.Seeds;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.ResultCode;
import io.croupier.wallet.Wallet;
import java.sql.Timestamp;
import java.time.Clock;
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
 * A player's provably fair seeds: show the commitment (creating the seeds before the first round, so the
 * commitment is always shown before play), set the client seed, rotate (reveal the old server seed, commit a new
 * one). Each operation is one pessimistic transaction on the player's seed row, run where the player's data lives.
 * A spin committing at the same moment either sees the old seeds or the new ones, never a mix.
 */
public final class Fairness {
    private static final Logger log = LoggerFactory.getLogger(Fairness.class);
    private static final long TX_TIMEOUT_MS = 5_000;

    private final Ignite ignite;

    public Fairness(Ignite ignite) {
        this.ignite = ignite;
    }

    public SeedResult current(long playerId) {
        return call(playerId, new SeedJob(playerId, Action.SHOW, null));
    }

    public SeedResult setClientSeed(long playerId, String clientSeed) {
        if (!Seeds.isValidClientSeed(clientSeed)) {
            return SeedResult.rejected(ResultCode.INVALID_CLIENT_SEED);
        }
        return call(playerId, new SeedJob(playerId, Action.SET_CLIENT_SEED, clientSeed));
    }

    public SeedResult rotate(long playerId) {
        return call(playerId, new SeedJob(playerId, Action.ROTATE, null));
    }

    /** A revealed server seed by its commitment, or null while it is still in play (or never existed). */
    public RevealedSeed revealed(long playerId, String serverSeedHash) {
        IgniteCache<SeedKey, RevealedSeed> revealed = ignite.cache(CacheSchema.REVEALED_SEED);
        return revealed.get(new SeedKey(playerId, serverSeedHash));
    }

    private SeedResult call(long playerId, SeedJob job) {
        if (playerId <= 0) {
            return SeedResult.rejected(ResultCode.UNKNOWN_PLAYER);
        }
        try {
            return ignite.compute().affinityCall(CacheSchema.PLAYER_SEED, playerId, job);
        } catch (IgniteException e) {
            log.warn("Seed operation for player {} failed", playerId, e);
            return SeedResult.rejected(ResultCode.UNAVAILABLE);
        }
    }

    private enum Action { SHOW, SET_CLIENT_SEED, ROTATE }

    private static final class SeedJob implements IgniteCallable<SeedResult> {
        private static final long serialVersionUID = 1L;

        private final long playerId;
        private final Action action;
        private final String clientSeed;
        @IgniteInstanceResource
        private transient Ignite ignite;

        SeedJob(long playerId, Action action, String clientSeed) {
            this.playerId = playerId;
            this.action = action;
            this.clientSeed = clientSeed;
        }

        @Override
        public SeedResult call() {
            IgniteCache<Long, Wallet> wallets = ignite.cache(CacheSchema.WALLET);
            IgniteCache<Long, PlayerSeeds> seeds = ignite.cache(CacheSchema.PLAYER_SEED);
            IgniteCache<SeedKey, RevealedSeed> revealed = ignite.cache(CacheSchema.REVEALED_SEED);
            Timestamp now = new Timestamp(Clock.systemUTC().millis());
            try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                    TransactionIsolation.REPEATABLE_READ, TX_TIMEOUT_MS, 3)) {
                if (!wallets.containsKey(playerId)) {
                    return SeedResult.rejected(ResultCode.UNKNOWN_PLAYER);
                }
                PlayerSeeds current = seeds.get(playerId);
                SeedsView view;
                if (current == null) {
                    current = PlayerSeeds.fresh(playerId, action == Action.SET_CLIENT_SEED ? clientSeed : null, now);
                    seeds.put(playerId, current);
                    view = viewOf(current, null);
                } else {
                    switch (action) {
                        case SHOW -> view = viewOf(current, null);
                        case SET_CLIENT_SEED -> {
                            current = current.withClientSeed(clientSeed);
                            seeds.put(playerId, current);
                            view = viewOf(current, null);
                        }
                        case ROTATE -> {
                            RevealedSeed old = current.reveal(now);
                            revealed.put(old.key(), old);
                            current = PlayerSeeds.fresh(playerId, current.clientSeed(), now);
                            seeds.put(playerId, current);
                            view = viewOf(current, old);
                        }
                        default -> throw new IllegalStateException("unknown action " + action);
                    }
                }
                tx.commit();
                return SeedResult.ok(view);
            }
        }

        private static SeedsView viewOf(PlayerSeeds s, RevealedSeed old) {
            return new SeedsView(s.serverSeedHash(), s.clientSeed(), s.nextNonce(),
                    old != null ? old.serverSeed() : null, old != null ? old.serverSeedHash() : null,
                    old != null ? old.noncesUsed() : 0);
        }
    }
}
