package io.croupier.player;

import io.croupier.check.Check;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.RequestValidation;
import io.croupier.wallet.Wallet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteAtomicSequence;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;

/** Opens player accounts: a PLAYER row and an empty wallet in the player's currency, in one transaction. */
public final class Players {
    public static final int USERNAME_LENGTH_MAX = 64;
    private static final String ID_SEQUENCE = "croupier.player-id";
    /** Ids are handed out in blocks, so opening an account costs no cluster-wide round trip. */
    private static final int ID_BLOCK_SIZE = 1_000;

    private final Ignite ignite;
    private final Clock clock;
    private volatile IgniteAtomicSequence ids;

    public Players(Ignite ignite, Clock clock) {
        this.ignite = ignite;
        this.clock = clock;
    }

    /** Opens an account and returns the new player id. */
    public long open(String username, String currency) {
        Check.argument(username != null && !username.isBlank() && username.length() <= USERNAME_LENGTH_MAX,
                "username must be 1.." + USERNAME_LENGTH_MAX + " characters");
        Check.argument(RequestValidation.isValidCurrency(currency), "not an ISO 4217 currency: " + currency);
        long playerId = sequence().incrementAndGet();
        Timestamp now = new Timestamp(clock.millis());
        IgniteCache<Long, Player> players = players();
        IgniteCache<Long, Wallet> wallets = wallets();
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ)) {
            Check.that(players.putIfAbsent(playerId, new Player(username, currency, PlayerStatus.ACTIVE, now)),
                    "player id " + playerId + " handed out twice");
            wallets.put(playerId, new Wallet(currency, 0, now));
            tx.commit();
        }
        return playerId;
    }

    /**
     * Opens an account with a login in one transaction: the player, the wallet and the ACCOUNT row keyed by the
     * lower-cased username. Returns the new player id, or empty when the username is taken (nothing is written then).
     *
     * @param passwordHash the edge's one-way hash of the password; this class never sees a password
     */
    public OptionalLong register(String username, String passwordHash, String currency) {
        Check.argument(username != null && !username.isBlank() && username.length() <= USERNAME_LENGTH_MAX,
                "username must be 1.." + USERNAME_LENGTH_MAX + " characters");
        Check.argument(passwordHash != null && !passwordHash.isEmpty(), "password hash required");
        Check.argument(RequestValidation.isValidCurrency(currency), "not an ISO 4217 currency: " + currency);
        IgniteCache<String, Account> accounts = ignite.cache(CacheSchema.ACCOUNT);
        String key = Account.key(username);
        if (accounts.containsKey(key)) {
            return OptionalLong.empty();
        }
        long playerId = sequence().incrementAndGet();
        Timestamp now = new Timestamp(clock.millis());
        IgniteCache<Long, Player> players = players();
        IgniteCache<Long, Wallet> wallets = wallets();
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ)) {
            // Locks the username: two registrations of one name serialise here and the second sees the first.
            if (!accounts.putIfAbsent(key, new Account(playerId, username, passwordHash, now))) {
                return OptionalLong.empty();
            }
            Check.that(players.putIfAbsent(playerId, new Player(username, currency, PlayerStatus.ACTIVE, now)),
                    "player id " + playerId + " handed out twice");
            wallets.put(playerId, new Wallet(currency, 0, now));
            tx.commit();
        }
        return OptionalLong.of(playerId);
    }

    /**
     * Opens {@code count} accounts named {@code prefix + i}, many per transaction (bulk onboarding, migrations,
     * benchmarks). Returns the new ids in order.
     */
    public long[] openMany(String prefix, int count, String currency) {
        Check.argument(count >= 0, "count must be >= 0");
        Check.argument(RequestValidation.isValidCurrency(currency), "not an ISO 4217 currency: " + currency);
        long[] ids = new long[count];
        int chunk = 500;
        IgniteCache<Long, Player> players = players();
        IgniteCache<Long, Wallet> wallets = wallets();
        for (int from = 0; from < count; from += chunk) {
            Timestamp now = new Timestamp(clock.millis());
            java.util.TreeMap<Long, Player> newPlayers = new java.util.TreeMap<>();
            java.util.TreeMap<Long, Wallet> newWallets = new java.util.TreeMap<>();
            for (int i = from; i < Math.min(count, from + chunk); i++) {
                ids[i] = sequence().incrementAndGet();
                newPlayers.put(ids[i], new Player(prefix + i, currency, PlayerStatus.ACTIVE, now));
                newWallets.put(ids[i], new Wallet(currency, 0, now));
            }
            try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                    TransactionIsolation.REPEATABLE_READ)) {
                Check.that(players.getAll(newPlayers.keySet()).isEmpty(), "player ids handed out twice");
                players.putAll(newPlayers);
                wallets.putAll(newWallets);
                tx.commit();
            }
        }
        return ids;
    }

    public Optional<Player> find(long playerId) {
        return Optional.ofNullable(players().get(playerId));
    }

    /**
     * Looked up per call, before any transaction: on a client node that reconnected to a restarted cluster the lookup
     * starts the cache again, which Ignite refuses inside a transaction.
     */
    private IgniteCache<Long, Player> players() {
        return ignite.cache(CacheSchema.PLAYER);
    }

    private IgniteCache<Long, Wallet> wallets() {
        return ignite.cache(CacheSchema.WALLET);
    }

    private IgniteAtomicSequence sequence() {
        IgniteAtomicSequence s = ids;
        // A client node that reconnected to a restarted in-memory cluster holds a removed sequence: take the new one.
        if (s == null || s.removed()) {
            s = ignite.atomicSequence(ID_SEQUENCE, 0, true);
            s.batchSize(ID_BLOCK_SIZE);
            ids = s;
        }
        return s;
    }
}
