package io.croupier.schema;

import io.croupier.admin.AdminAction;
import io.croupier.admin.AdminActionKey;
import io.croupier.check.Check;
import io.croupier.fair.PlayerSeeds;
import io.croupier.fair.RevealedSeed;
import io.croupier.fair.SeedKey;
import io.croupier.roulette.TableBet;
import io.croupier.roulette.TableBetKey;
import io.croupier.roulette.TableRound;
import io.croupier.roulette.TableRoundKey;
import io.croupier.roulette.TableState;
import io.croupier.slots.RoundKey;
import io.croupier.slots.SlotGame;
import io.croupier.slots.SlotRound;
import io.croupier.player.Player;
import io.croupier.wallet.LedgerEntry;
import io.croupier.wallet.LedgerKey;
import io.croupier.wallet.TransferKey;
import io.croupier.wallet.TransferRecord;
import io.croupier.wallet.Wallet;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheKeyConfiguration;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.PartitionLossPolicy;
import org.apache.ignite.cache.QueryEntity;
import org.apache.ignite.cache.QueryIndex;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * The caches that hold Croupier's data and how SQL sees them. Every player-scoped key is colocated by player id,
 * so all keys of one money operation live in one partition. All tables are in schema {@value #SQL_SCHEMA}.
 */
public final class CacheSchema {
    public static final String SQL_SCHEMA = "CROUPIER";
    public static final String PLAYER = "player";
    public static final String WALLET = "wallet";
    public static final String LEDGER = "ledger";
    public static final String TRANSFER = "transfer";
    public static final String PLAYER_SEED = "player_seed";
    public static final String REVEALED_SEED = "revealed_seed";
    public static final String ROUND = "round";
    public static final String ROULETTE_TABLE = "roulette_table";
    public static final String TABLE_ROUND = "table_round";
    public static final String TABLE_BET = "table_bet";
    /** Slot games offered and their published RTP; small and read-mostly, so every node holds all of it. */
    public static final String SLOT_GAME = "slot_game";
    /** Administrators' actions on players (who, what, when, why): written once, never edited. */
    public static final String ADMIN_ACTION = "admin_action";
    /** Per (table, round, player) total stake, for the table's per-round limit; not a SQL table. */
    public static final String TABLE_STAKE = "table_stake";
    public static final List<String> ALL = List.of(PLAYER, WALLET, LEDGER, TRANSFER, PLAYER_SEED, REVEALED_SEED, ROUND,
            ROULETTE_TABLE, TABLE_ROUND, TABLE_BET, TABLE_STAKE, SLOT_GAME, ADMIN_ACTION);

    private CacheSchema() {
    }

    /**
     * @param backups    copies of each partition besides the primary (≥ 1 in production: a node may die)
     * @param partitions affinity partitions per cache; all caches share the count so colocated keys share a partition
     */
    public static List<CacheConfiguration<?, ?>> cacheConfigurations(int backups, int partitions) {
        Check.argument(backups >= 0, "backups must be >= 0");
        Check.argument(partitions > 0 && partitions <= 65_000, "partitions must be in 1..65000");
        return List.of(
                cache(PLAYER, backups, partitions, playerTable()),
                cache(WALLET, backups, partitions, walletTable()),
                cache(LEDGER, backups, partitions, ledgerTable())
                        .setKeyConfiguration(colocatedByPlayer(LedgerKey.class)),
                cache(TRANSFER, backups, partitions, transferTable())
                        .setKeyConfiguration(colocatedByPlayer(TransferKey.class)),
                cache(PLAYER_SEED, backups, partitions, playerSeedTable()),
                cache(REVEALED_SEED, backups, partitions, revealedSeedTable())
                        .setKeyConfiguration(colocatedByPlayer(SeedKey.class)),
                cache(ROUND, backups, partitions, roundTable())
                        .setKeyConfiguration(colocatedByPlayer(RoundKey.class)),
                cache(ROULETTE_TABLE, backups, partitions, rouletteTableTable()),
                cache(TABLE_ROUND, backups, partitions, tableRoundTable())
                        .setKeyConfiguration(colocatedByTable(TableRoundKey.class)),
                cache(TABLE_BET, backups, partitions, tableBetTable())
                        .setKeyConfiguration(colocatedByTable(TableBetKey.class)),
                cache(TABLE_STAKE, backups, partitions, null)
                        .setKeyConfiguration(colocatedByTable(TableBetKey.class)),
                // Replicated: reports join it with rounds of any partition without a distributed join.
                cache(SLOT_GAME, backups, partitions, slotGameTable()).setCacheMode(CacheMode.REPLICATED),
                cache(ADMIN_ACTION, backups, partitions, adminActionTable())
                        .setKeyConfiguration(colocatedByPlayer(AdminActionKey.class)));
    }

    /**
     * Declares the affinity field of a composite key in the cache configuration, not only by annotation: with native
     * persistence on, the annotation alone was not honoured and 98 of 100 ledger keys landed outside their wallet's
     * partition (PersistenceTest catches it).
     */
    private static CacheKeyConfiguration colocatedByPlayer(Class<?> keyType) {
        return new CacheKeyConfiguration(keyType.getName(), "playerId");
    }

    private static CacheKeyConfiguration colocatedByTable(Class<?> keyType) {
        return new CacheKeyConfiguration(keyType.getName(), "tableId");
    }

    private static CacheConfiguration<Object, Object> cache(String name, int backups, int partitions, QueryEntity table) {
        CacheConfiguration<Object, Object> c = new CacheConfiguration<>(name)
                .setCacheMode(CacheMode.PARTITIONED)
                .setAtomicityMode(CacheAtomicityMode.TRANSACTIONAL)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
                .setBackups(backups)
                // Money must never read as an empty wallet after losing a partition: fail loudly instead.
                .setPartitionLossPolicy(PartitionLossPolicy.READ_WRITE_SAFE)
                .setAffinity(new RendezvousAffinityFunction(false, partitions))
                // Values are immutable: no defensive copy on every read.
                .setCopyOnRead(false)
                .setSqlSchema(SQL_SCHEMA);
        return table == null ? c : c.setQueryEntities(List.of(table));
    }

    /** The chain origin is secret and not a column; the chain commitment is public. */
    private static QueryEntity rouletteTableTable() {
        return table("ROULETTE_TABLE", String.class, TableState.class, columns(
                "tableId", String.class, "name", String.class, "currency", String.class,
                "bettingWindowMs", Long.class, "minStake", Long.class, "maxStraightStake", Long.class,
                "maxOutsideStake", Long.class, "maxTotalStake", Long.class, "chainCommitment", String.class,
                "chainFirstRound", Long.class, "currentRound", Long.class, "open", Boolean.class,
                "updatedAt", Timestamp.class))
                .setKeyFieldName("tableId");
    }

    /** SEED is null until the round has its result: the commitment SEED_HASH is what is public before. */
    private static QueryEntity tableRoundTable() {
        return table("TABLE_ROUND", TableRoundKey.class, TableRound.class, columns(
                "tableId", String.class, "roundNo", Long.class, "status", String.class, "seedHash", String.class,
                "seed", String.class, "result", Integer.class, "openedAt", Timestamp.class,
                "closesAt", Timestamp.class, "closedAt", Timestamp.class, "settledAt", Timestamp.class,
                "totalStake", Long.class, "totalReturn", Long.class, "betCount", Integer.class))
                .setKeyFields(Set.of("tableId", "roundNo"))
                .setNotNullFields(Set.of("status", "seedHash"))
                .setIndexes(List.of(new QueryIndex("openedAt")));
    }

    private static QueryEntity tableBetTable() {
        return table("TABLE_BET", TableBetKey.class, TableBet.class, columns(
                "tableId", String.class, "roundNo", Long.class, "playerId", Long.class, "betKey", String.class,
                "position", Integer.class, "kind", String.class, "selection", String.class, "covers", String.class,
                "stake", Long.class, "currency", String.class, "status", String.class, "returned", Long.class,
                "balanceAfter", Long.class, "placedAt", Timestamp.class, "settledAt", Timestamp.class))
                .setKeyFields(Set.of("tableId", "roundNo", "playerId", "betKey", "position"))
                .setNotNullFields(Set.of("kind", "stake", "currency", "status"))
                .setIndexes(List.of(
                        new QueryIndex(List.of("tableId", "roundNo"), org.apache.ignite.cache.QueryIndexType.SORTED),
                        new QueryIndex(List.of("playerId", "placedAt"), org.apache.ignite.cache.QueryIndexType.SORTED),
                        // Revenue, RTP, activity and large-win reports select a period of settled bets.
                        new QueryIndex("settledAt")));
    }

    private static QueryEntity adminActionTable() {
        return table("ADMIN_ACTION", AdminActionKey.class, AdminAction.class, columns(
                "playerId", Long.class, "actionKey", String.class, "admin", String.class, "action", String.class,
                "reason", String.class, "amount", Long.class, "currency", String.class, "transferId", UUID.class,
                "result", String.class, "statusBefore", String.class, "statusAfter", String.class,
                "createdAt", Timestamp.class))
                .setKeyFields(Set.of("playerId", "actionKey"))
                .setNotNullFields(Set.of("admin", "action", "reason", "result", "createdAt"))
                .setIndexes(List.of(new QueryIndex("createdAt")));
    }

    /** RTP is a ratio (e.g. 0.9612), not money: DECIMAL. */
    private static QueryEntity slotGameTable() {
        return table("SLOT_GAME", String.class, SlotGame.class, columns(
                "gameId", String.class, "name", String.class, "lines", Integer.class, "stakeMin", Long.class,
                "stakeMax", Long.class, "rtp", java.math.BigDecimal.class))
                .setKeyFieldName("gameId")
                .setNotNullFields(Set.of("name", "lines", "stakeMin", "stakeMax"));
    }

    private static QueryEntity playerTable() {
        return table("PLAYER", Long.class, Player.class, columns(
                "playerId", Long.class, "username", String.class, "currency", String.class,
                "status", String.class, "createdAt", Timestamp.class))
                .setKeyFieldName("playerId")
                .setNotNullFields(Set.of("currency", "status", "createdAt"))
                .setIndexes(List.of(new QueryIndex("username")));
    }

    private static QueryEntity walletTable() {
        return table("WALLET", Long.class, Wallet.class, columns(
                "playerId", Long.class, "currency", String.class, "balance", Long.class,
                "updatedAt", Timestamp.class))
                .setKeyFieldName("playerId")
                .setNotNullFields(Set.of("currency", "balance"));
    }

    private static QueryEntity ledgerTable() {
        return table("LEDGER", LedgerKey.class, LedgerEntry.class, columns(
                "transferId", UUID.class, "posting", Integer.class, "playerId", Long.class,
                "account", String.class, "amount", Long.class, "currency", String.class,
                "kind", String.class, "createdAt", Timestamp.class))
                .setKeyFields(Set.of("transferId", "posting", "playerId"))
                .setNotNullFields(Set.of("account", "amount", "currency", "kind", "createdAt"))
                .setIndexes(List.of(new QueryIndex("playerId")));
    }

    private static QueryEntity transferTable() {
        return table("TRANSFER", TransferKey.class, TransferRecord.class, columns(
                "playerId", Long.class, "idempotencyKey", String.class, "transferId", UUID.class,
                "kind", String.class, "amount", Long.class, "winAmount", Long.class, "currency", String.class,
                "reference", String.class, "balanceAfter", Long.class, "createdAt", Timestamp.class,
                "voidedBy", String.class))
                .setKeyFields(Set.of("playerId", "idempotencyKey"))
                .setNotNullFields(Set.of("transferId", "kind", "amount", "currency", "balanceAfter", "createdAt"));
    }

    /** The server seed itself is deliberately not a column: SQL users see only its commitment. */
    private static QueryEntity playerSeedTable() {
        return table("PLAYER_SEED", Long.class, PlayerSeeds.class, columns(
                "playerId", Long.class, "serverSeedHash", String.class, "clientSeed", String.class,
                "nextNonce", Long.class, "createdAt", Timestamp.class))
                .setKeyFieldName("playerId")
                .setNotNullFields(Set.of("serverSeedHash", "clientSeed", "nextNonce"));
    }

    private static QueryEntity revealedSeedTable() {
        return table("REVEALED_SEED", SeedKey.class, RevealedSeed.class, columns(
                "playerId", Long.class, "serverSeedHash", String.class, "serverSeed", String.class,
                "lastClientSeed", String.class, "noncesUsed", Long.class, "createdAt", Timestamp.class,
                "revealedAt", Timestamp.class))
                .setKeyFields(Set.of("playerId", "serverSeedHash"))
                .setNotNullFields(Set.of("serverSeed", "noncesUsed", "revealedAt"));
    }

    private static QueryEntity roundTable() {
        return table("ROUND", RoundKey.class, SlotRound.class, columns(
                "roundId", UUID.class, "playerId", Long.class, "game", String.class,
                "idempotencyKey", String.class, "stake", Long.class, "win", Long.class, "currency", String.class,
                "stops", String.class, "symbols", String.class, "balanceBefore", Long.class,
                "balanceAfter", Long.class, "serverSeedHash", String.class, "clientSeed", String.class,
                "nonce", Long.class, "createdAt", Timestamp.class))
                .setKeyFields(Set.of("roundId", "playerId"))
                .setNotNullFields(Set.of("game", "stake", "win", "currency", "createdAt"))
                .setIndexes(List.of(
                        new QueryIndex(List.of("playerId", "createdAt"), org.apache.ignite.cache.QueryIndexType.SORTED),
                        new QueryIndex("createdAt")));
    }

    private static QueryEntity table(String tableName, Class<?> keyType, Class<?> valueType,
                                     LinkedHashMap<String, String> fields) {
        QueryEntity entity = new QueryEntity(keyType.getName(), valueType.getName())
                .setTableName(tableName)
                .setFields(fields);
        Map<String, String> aliases = new LinkedHashMap<>();
        fields.keySet().forEach(f -> aliases.put(f, columnName(f)));
        return entity.setAliases(aliases);
    }

    private static LinkedHashMap<String, String> columns(Object... nameTypePairs) {
        Check.argument(nameTypePairs.length % 2 == 0, "name/type pairs expected: " + Arrays.toString(nameTypePairs));
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.put((String) nameTypePairs[i], ((Class<?>) nameTypePairs[i + 1]).getName());
        }
        return fields;
    }

    /** camelCase field → UPPER_SNAKE column: {@code balanceAfter} → {@code BALANCE_AFTER}. */
    static String columnName(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
