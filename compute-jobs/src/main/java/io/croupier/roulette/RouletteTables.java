package io.croupier.roulette;

import io.croupier.schema.CacheSchema;
import io.croupier.wallet.GroupCommitter;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.RequestValidation;
import io.croupier.wallet.ResultCode;
import io.croupier.wallet.TransferKey;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.services.ServiceConfiguration;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.apache.ignite.transactions.TransactionOptimisticException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Roulette tables on the grid: deploying their drivers, placing bets, reading state.
 *
 * <p>Placing bets is one transaction on the player's node: 1. a key already used answers with its first result
 * 2. the round must be this table's OPEN round 3. the bets must be valid and, with what the player already holds in
 * the round, within the table limits 4. the BET money operation under the player's key 5. write the bets and the
 * player's holdings 6. commit. The transaction is
 * OPTIMISTIC SERIALIZABLE: if the driver closed the round after step 3 read it, the commit fails and the retry
 * sees CLOSED — a late bet moves nothing.
 */
public final class RouletteTables {
    private static final Logger log = LoggerFactory.getLogger(RouletteTables.class);
    static final String SERVICE_PREFIX = "roulette-table-";
    private static final int PLACE_ATTEMPTS_MAX = 8;
    private static final long TX_TIMEOUT_MS = 5_000;

    private final Ignite ignite;

    public RouletteTables(Ignite ignite) {
        this.ignite = ignite;
    }

    /**
     * Creates or updates each table's state (a new table gets a fresh seed chain) and deploys its driver as a
     * key-affinity singleton: it runs where the table's rounds live and moves with them when that node dies.
     */
    public void deploy(List<TableConfig> tables, TableDriverSettings settings) {
        IgniteCache<String, TableState> states = ignite.cache(CacheSchema.ROULETTE_TABLE);
        for (TableConfig config : tables) {
            try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                    TransactionIsolation.REPEATABLE_READ)) {
                TableState existing = states.get(config.id());
                Timestamp now = new Timestamp(System.currentTimeMillis());
                states.put(config.id(), existing == null
                        ? TableState.create(config, SeedChain.fresh(settings.chainLength()), now)
                        : existing.withConfig(config, now));
                tx.commit();
            }
            ignite.services().deploy(new ServiceConfiguration()
                    .setName(SERVICE_PREFIX + config.id())
                    .setService(new TableDriver(config.id(), settings))
                    .setCacheName(CacheSchema.TABLE_ROUND)
                    .setAffinityKey(config.id())
                    .setTotalCount(1)
                    .setMaxPerNodeCount(1));
            log.info("Table {} deployed", config.id());
        }
    }

    public TableState table(String tableId) {
        IgniteCache<String, TableState> states = ignite.cache(CacheSchema.ROULETTE_TABLE);
        return tableId == null ? null : states.get(tableId);
    }

    public List<TableState> tables() {
        IgniteCache<String, TableState> states = ignite.cache(CacheSchema.ROULETTE_TABLE);
        List<TableState> all = new ArrayList<>();
        states.query(new org.apache.ignite.cache.query.ScanQuery<String, TableState>())
                .forEach(e -> all.add(e.getValue()));
        all.sort(java.util.Comparator.comparing(TableState::tableId));
        return all;
    }

    public TableRound round(String tableId, long roundNo) {
        IgniteCache<TableRoundKey, TableRound> rounds = ignite.cache(CacheSchema.TABLE_ROUND);
        return rounds.get(new TableRoundKey(tableId, roundNo));
    }

    /** The round the table is at now (OPEN while it takes bets), or null before its first round. */
    public TableRound currentRound(String tableId) {
        TableState t = table(tableId);
        return t == null || t.currentRound() == 0 ? null : round(tableId, t.currentRound());
    }

    /** The bets of a round (from the table's partition). */
    public List<TableBet> bets(String tableId, long roundNo) {
        return TableDriver.betsOf(ignite, tableId, roundNo);
    }

    /** Places the bets of one request; idempotent on the player's key. Never throws for a rejection. */
    public PlaceBetsResult placeBets(long playerId, String tableId, long roundNo, List<BetSpec> bets, String key) {
        if (!RequestValidation.isValidKey(key)) {
            return PlaceBetsResult.rejected(ResultCode.INVALID_IDEMPOTENCY_KEY);
        }
        if (playerId <= 0) {
            return PlaceBetsResult.rejected(ResultCode.UNKNOWN_PLAYER);
        }
        if (tableId == null || table(tableId) == null) {
            return PlaceBetsResult.rejected(ResultCode.UNKNOWN_TABLE);
        }
        if (bets == null || bets.isEmpty()) {
            return PlaceBetsResult.rejected(ResultCode.NO_BETS);
        }
        try {
            return ignite.compute().affinityCall(CacheSchema.WALLET, playerId,
                    new PlaceBetsJob(playerId, tableId, roundNo, new ArrayList<>(bets), key));
        } catch (IgniteException e) {
            log.warn("Placing bets for player {} at {} failed", playerId, tableId, e);
            return PlaceBetsResult.rejected(ResultCode.UNAVAILABLE);
        }
    }

    /** Reference of a round in the ledger: {@code roulette:<table>:<round>}. */
    static String roundReference(String tableId, long roundNo) {
        return "roulette:" + tableId + ":" + roundNo;
    }

    static final class PlaceBetsJob implements IgniteCallable<PlaceBetsResult> {
        private static final long serialVersionUID = 1L;

        private final long playerId;
        private final String tableId;
        private final long roundNo;
        private final List<BetSpec> bets;
        private final String key;
        @IgniteInstanceResource
        private transient Ignite ignite;

        PlaceBetsJob(long playerId, String tableId, long roundNo, List<BetSpec> bets, String key) {
            this.playerId = playerId;
            this.tableId = tableId;
            this.roundNo = roundNo;
            this.bets = bets;
            this.key = key;
        }

        @Override
        public PlaceBetsResult call() {
            for (int attempt = 1; ; attempt++) {
                try {
                    return placeOnce();
                } catch (TransactionOptimisticException | javax.cache.CacheException conflict) {
                    if (attempt >= PLACE_ATTEMPTS_MAX || !isConflict(conflict)) {
                        throw conflict;
                    }
                    // The round or the wallet changed under us (round closed, a spin committed): read again.
                }
            }
        }

        private static boolean isConflict(RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TransactionOptimisticException) {
                    return true;
                }
            }
            return false;
        }

        private PlaceBetsResult placeOnce() {
            IgniteCache<String, TableState> states = ignite.cache(CacheSchema.ROULETTE_TABLE);
            IgniteCache<TableRoundKey, TableRound> rounds = ignite.cache(CacheSchema.TABLE_ROUND);
            IgniteCache<TableBetKey, TableBet> betCache = ignite.cache(CacheSchema.TABLE_BET);
            IgniteCache<TableBetKey, String> held = ignite.cache(CacheSchema.TABLE_STAKE);
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.OPTIMISTIC,
                    TransactionIsolation.SERIALIZABLE, TX_TIMEOUT_MS, bets.size() + 8)) {
                TableState table = states.get(tableId);
                if (table == null) {
                    return PlaceBetsResult.rejected(ResultCode.UNKNOWN_TABLE);
                }
                long total = 0;
                List<BetOrder> orders = new ArrayList<>(bets.size());
                for (BetSpec spec : bets) {
                    if (spec.stake() <= 0) {
                        return PlaceBetsResult.rejected(ResultCode.INVALID_STAKE, orders.size());
                    }
                    total = Math.addExact(total, spec.stake());
                    orders.add(new BetOrder(spec.kind(), spec.selection(), spec.stake()));
                }
                MoneyRequest bet = MoneyRequest.bet(playerId, key, table.currency(), total,
                        roundReference(tableId, roundNo));
                IgniteCache<TransferKey, ?> transfers = ignite.cache(CacheSchema.TRANSFER);
                if (transfers.containsKey(new TransferKey(playerId, key))) {
                    // 1. a replay answers with its first result, whatever the round is doing now
                    MoneyResult replay = GroupCommitter.of(ignite).transactions().applyInTx(List.of(bet))[0];
                    return replay.isOk() ? PlaceBetsResult.ok(replay.balance(), total, true)
                            : PlaceBetsResult.rejected(replay.code());
                }
                // 2. the round: this table's, and OPEN (SERIALIZABLE: a close committed after this read fails us)
                TableRound round = rounds.get(new TableRoundKey(tableId, roundNo));
                if (round == null) {
                    return PlaceBetsResult.rejected(ResultCode.UNKNOWN_ROUND);
                }
                if (round.status() != RoundStatus.OPEN || now.after(round.closesAt())) {
                    return PlaceBetsResult.rejected(ResultCode.ROUND_CLOSED);
                }
                // 3. the bets, with what the player already holds in this round
                TableBetKey heldKey = new TableBetKey(tableId, roundNo, playerId, "*", -1);
                String heldBefore = held.get(heldKey);
                RequestCheck check = BetValidation.checkRequest(orders, parse(heldBefore), table.limits());
                if (check instanceof RequestCheck.Rejected rejected) {
                    return PlaceBetsResult.rejected(codeOf(rejected.reason()), rejected.betIndex());
                }
                List<RouletteBet> valid = ((RequestCheck.Accepted) check).bets();
                // 4. the stake, through the same money code as every debit (balance, policy, ledger, idempotency)
                MoneyResult money = GroupCommitter.of(ignite).transactions().applyInTx(List.of(bet))[0];
                if (!money.isOk()) {
                    return PlaceBetsResult.rejected(money.code());
                }
                TreeMap<TableBetKey, TableBet> rows = new TreeMap<>();
                for (int i = 0; i < valid.size(); i++) {
                    RouletteBet b = valid.get(i);
                    TableBet row = new TableBet(tableId, roundNo, playerId, key, i, b.kind().name(),
                            selectionText(b), coversText(b), b.stakeMinor(), table.currency(), BetStatus.PLACED, 0, money.balance(), now,
                            null);
                    rows.put(row.key(), row);
                }
                // 5. bets and the player's holdings, 6. commit
                betCache.putAll(rows);
                held.put(heldKey, heldBefore == null ? describe(valid) : heldBefore + ";" + describe(valid));
                tx.commit();
                // After the commit, off the transaction: the player's fraud detector hears of the stake.
                RoundStake.tell(ignite, RoundStake.of(playerId, key, parse(heldBefore), valid));
                TableDriver.publish(ignite, new TableEvent(TableEvent.Type.BET_PLACED, tableId, roundNo, playerId,
                        total, -1, describe(valid), now.getTime()));
                return PlaceBetsResult.ok(money.balance(), total, false);
            }
        }

        /** The inverse of {@link #describe}: bets held in the round, as recorded. */
        private static List<RouletteBet> parse(String held) {
            List<RouletteBet> bets = new ArrayList<>();
            if (held == null || held.isEmpty()) {
                return bets;
            }
            for (String b : held.split(";")) {
                String[] parts = b.split(":", -1);
                int[] selection = parts[1].isEmpty() ? new int[0]
                        : java.util.Arrays.stream(parts[1].split(",")).mapToInt(Integer::parseInt).toArray();
                bets.add(RouletteBet.of(BetKind.valueOf(parts[0]), Long.parseLong(parts[2]), selection));
            }
            return bets;
        }

        static String describe(List<RouletteBet> bets) {
            StringBuilder s = new StringBuilder();
            for (RouletteBet b : bets) {
                if (s.length() > 0) {
                    s.append(';');
                }
                s.append(b.kind().name()).append(':').append(selectionText(b)).append(':').append(b.stakeMinor());
            }
            return s.toString();
        }
    }

    static String selectionText(RouletteBet b) {
        StringBuilder s = new StringBuilder();
        for (int n : b.selection()) {
            s.append(s.length() == 0 ? "" : ",").append(n);
        }
        return s.toString();
    }

    /** Every number the bet wins on, ascending. */
    static String coversText(RouletteBet b) {
        StringBuilder s = new StringBuilder();
        for (int n = RouletteWheel.NUMBER_MIN; n <= RouletteWheel.NUMBER_MAX; n++) {
            if (b.position().covers(n)) {
                s.append(s.length() == 0 ? "" : ",").append(n);
            }
        }
        return s.toString();
    }

    static ResultCode codeOf(BetRejection rejection) {
        return switch (rejection) {
            case UNKNOWN_BET_KIND -> ResultCode.INVALID_BET_KIND;
            case INVALID_SELECTION -> ResultCode.INVALID_SELECTION;
            case STAKE_BELOW_MIN, STAKE_ABOVE_MAX -> ResultCode.INVALID_STAKE;
            case NO_BETS -> ResultCode.NO_BETS;
            case TOO_MANY_BETS, TOTAL_ABOVE_MAX -> ResultCode.TABLE_LIMIT_EXCEEDED;
        };
    }
}
