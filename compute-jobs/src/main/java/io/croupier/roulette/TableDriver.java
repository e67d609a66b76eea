package io.croupier.roulette;

import io.croupier.fair.Seeds;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.ResultCode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.services.Service;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one table: OPEN (betting window) → CLOSED → RESULT → SETTLED → next round. Deployed as a key-affinity
 * singleton on the table id, so it runs on the primary node of the table's partition and Ignite restarts it on the
 * next primary when that node leaves. It keeps no state of its own: every step reads the round row, does one
 * transaction and publishes an event, so a new instance resumes exactly where the old one stopped. Payouts are money
 * operations under the key {@code settle:<table>:<round>}, so a resumed settlement pays nothing twice.
 */
public final class TableDriver implements Service {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(TableDriver.class);
    private static final String WALLET_KEY = TableDriver.class.getName() + ".wallet";
    private static final long IDLE_POLL_MS = 200;

    private final String tableId;
    private final TableDriverSettings settings;
    @IgniteInstanceResource
    private transient Ignite ignite;
    private transient volatile boolean cancelled;
    /** Pays a round's winners while the driver writes the round's bet rows. */
    private transient java.util.concurrent.ExecutorService payer;
    /** Whether this instance has not yet looked at the table: an overdue OPEN round is only refunded on resumption. */
    private transient boolean resuming;

    TableDriver(String tableId, TableDriverSettings settings) {
        this.tableId = tableId;
        this.settings = settings;
    }

    /** Called on the deployed copy (transient fields are not set by deserialisation). */
    @Override
    public void init() {
        resuming = true;
        cancelled = false;
        payer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "croupier-table-payer-" + tableId);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void cancel() {
        cancelled = true;
        if (payer != null) {
            payer.shutdownNow();
        }
    }

    @Override
    public void execute() {
        log.info("Driving table {} on {}", tableId, ignite.name());
        while (!cancelled && !Thread.currentThread().isInterrupted()) {
            try {
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (cancelled) {
                    return;
                }
                // A topology change or a timeout: the round row still says where we are; try again shortly.
                log.warn("Table {}: step failed, retrying", tableId, e);
                sleep(500);
            }
        }
    }

    /** One step of the lifecycle, decided by what the grid says now. */
    void step() throws InterruptedException {
        TableState table = states().get(tableId);
        if (table == null) {
            Thread.sleep(IDLE_POLL_MS);
            return;
        }
        TableRound round = table.currentRound() == 0 ? null : rounds().get(new TableRoundKey(tableId,
                table.currentRound()));
        if (round == null || hasEnded(round)) {
            long wait = round == null || round.settledAt() == null ? 0
                    : round.settledAt().getTime() + settings.roundPauseMs() - System.currentTimeMillis();
            if (!table.open() || wait > 0) {
                Thread.sleep(Math.max(1, Math.min(IDLE_POLL_MS, wait > 0 ? wait : IDLE_POLL_MS)));
                return;
            }
            openNext(table);
            return;
        }
        boolean resumed = resuming;
        resuming = false;
        switch (round.status()) {
            case OPEN -> {
                long now = System.currentTimeMillis();
                long closesAt = round.closesAt().getTime();
                if (!table.open() || (resumed && now > closesAt + settings.resumeWindowMs())) {
                    markRefunding(round);
                } else if (now < closesAt) {
                    Thread.sleep(Math.min(closesAt - now, IDLE_POLL_MS));
                } else {
                    close(round);
                }
            }
            case CLOSED -> {
                // A closed round's bets are final (a bet commits only while the round is OPEN): read them before the
                // result, so the time from result to settled is the money and the outcomes alone.
                List<TableBet> bets = localBetsOf(round.roundNo());
                TableRound withResult = drawResult(table, round);
                if (withResult != null) {
                    settle(withResult, bets);
                }
            }
            case RESULT -> settle(round, localBetsOf(round.roundNo()));
            case REFUNDING -> refund(round);
            default -> throw new IllegalStateException("unexpected status " + round.status());
        }
    }

    private void openNext(TableState table) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        TableRound opened;
        try (Transaction tx = pessimistic()) {
            TableState t = states().get(tableId);
            if (t.currentRound() != table.currentRound()) {
                return;
            }
            long roundNo = t.currentRound() + 1;
            if (!t.chainCovers(roundNo)) {
                t = t.withChain(SeedChain.fresh(settings.chainLength()), roundNo, now);
                log.info("Table {}: new seed chain from round {}, commitment {}", tableId, roundNo,
                        t.chainCommitment());
            }
            String seedHash = Seeds.hex(Seeds.sha256(t.seedOf(roundNo)));
            opened = TableRound.open(tableId, roundNo, seedHash, now,
                    new Timestamp(now.getTime() + t.bettingWindowMs()));
            rounds().put(opened.key(), opened);
            states().put(tableId, t.withCurrentRound(roundNo, now));
            tx.commit();
        }
        publish(ignite, new TableEvent(TableEvent.Type.ROUND_OPENED, tableId, opened.roundNo(), 0, 0, -1,
                opened.seedHash(), opened.closesAt().getTime()));
    }

    private void close(TableRound round) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (Transaction tx = pessimistic()) {
            TableRound current = rounds().get(round.key());
            if (current.status() != RoundStatus.OPEN) {
                return;
            }
            rounds().put(round.key(), current.closed(now));
            tx.commit();
        }
        publish(ignite, new TableEvent(TableEvent.Type.ROUND_CLOSED, tableId, round.roundNo(), 0, 0, -1, null,
                now.getTime()));
    }

    private void markRefunding(TableRound round) {
        try (Transaction tx = pessimistic()) {
            TableRound current = rounds().get(round.key());
            if (current.status() != RoundStatus.OPEN) {
                return;
            }
            rounds().put(round.key(), current.refunding(new Timestamp(System.currentTimeMillis())));
            tx.commit();
        }
    }

    /** The round with its result, or null when it had moved on (another driver got there first). */
    private TableRound drawResult(TableState table, TableRound round) {
        byte[] seed = table.seedOf(round.roundNo());
        int number = SeedChain.number(seed, tableId, round.roundNo());
        TableRound withResult;
        try (Transaction tx = pessimistic()) {
            TableRound current = rounds().get(round.key());
            if (current.status() != RoundStatus.CLOSED) {
                return null;
            }
            withResult = current.withResult(Seeds.hex(seed), number);
            rounds().put(round.key(), withResult);
            tx.commit();
        }
        publish(ignite, new TableEvent(TableEvent.Type.ROUND_RESULT, tableId, round.roundNo(), 0, 0, number,
                Seeds.hex(seed), System.currentTimeMillis()));
        return withResult;
    }

    /**
     * Pays every player their round's return (one WIN each, idempotent) while the bets' outcomes are written, then
     * marks the round SETTLED. If this node dies in between, the next driver finds the round in RESULT and does it
     * again: the payouts already made replay, the rest are made, the rows are rewritten with the same values.
     */
    private void settle(TableRound round, List<TableBet> bets) throws InterruptedException {
        int number = round.result();
        log.debug("Table {}: settling round {} ({} bets) on number {}", tableId, round.roundNo(), bets.size(), number);
        long[] returned = new long[bets.size()];
        Map<Long, Long> returns = new TreeMap<>();
        Map<Long, String> currencies = new HashMap<>();
        for (int i = 0; i < returned.length; i++) {
            TableBet b = bets.get(i);
            returned[i] = b.returnFor(number);
            returns.merge(b.playerId(), returned[i], Math::addExact);
            currencies.put(b.playerId(), b.currency());
        }
        Map<Long, Long> balances = new java.util.concurrent.ConcurrentHashMap<>();
        List<MoneyRequest> payouts = new ArrayList<>();
        for (Map.Entry<Long, Long> e : returns.entrySet()) {
            if (e.getValue() > 0) {
                payouts.add(MoneyRequest.win(e.getKey(), "settle:" + tableId + ":" + round.roundNo(),
                        currencies.get(e.getKey()), e.getValue(), RouletteTables.roundReference(tableId,
                                round.roundNo())));
            }
        }
        // One settlement time for the round and its bets, so reports can select bets by their round's SETTLED_AT.
        Timestamp stamp = new Timestamp(System.currentTimeMillis());
        // The payouts and the bet rows do not depend on each other: pay on the payer thread while this one writes
        // the rows. The round becomes SETTLED only once both are done.
        CompletableFuture<Void> paying = CompletableFuture.runAsync(() -> {
            try {
                applyAll(payouts, balances);
            } catch (InterruptedException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, payer);
        try {
            writeOutcomes(round, bets, BetStatus.SETTLED, returned, stamp);
        } finally {
            await(paying);
        }
        long settledAt = finishRound(round, bets, RoundStatus.SETTLED, returned, stamp);
        // Stamped with the commit time; the round first, then the players' settlements.
        publish(ignite, new TableEvent(TableEvent.Type.ROUND_SETTLED, tableId, round.roundNo(), 0,
                returns.values().stream().mapToLong(Long::longValue).sum(), number, null, settledAt));
        // Every player's settlement, in as few messages as possible: each app server hears each message once.
        List<TableEvent.PlayerSettlement> settled = new ArrayList<>(returns.size());
        returns.forEach((player, amount) -> settled.add(new TableEvent.PlayerSettlement(player, amount,
                balances.getOrDefault(player, -1L))));
        for (int from = 0; from < settled.size(); from += TableEvent.SETTLEMENTS_PER_EVENT) {
            publish(ignite, TableEvent.betsSettled(tableId, round.roundNo(), number, settled.subList(from,
                    Math.min(settled.size(), from + TableEvent.SETTLEMENTS_PER_EVENT)), settledAt));
        }
        roundSettled(new RoundListener.SettledRound(tableId, round.roundNo(), number, bets, settledAt));
    }

    /** Hands the settled round to this node's listener (the collusion checks); it queues and returns at once. */
    private void roundSettled(RoundListener.SettledRound settled) {
        try {
            RoundListener.of(ignite).settled(settled);
        } catch (RuntimeException e) {
            log.warn("Table {}: round listener failed on round {}", tableId, settled.roundNo(), e);
        }
    }

    /** The round will not be completed (it is REFUNDING): each bet request is voided (its stake returned), once. */
    private void refund(TableRound round) throws InterruptedException {
        List<TableBet> bets = localBetsOf(round.roundNo());
        Map<Long, TreeSet<String>> betKeys = new TreeMap<>();
        long[] returned = new long[bets.size()];
        for (int i = 0; i < returned.length; i++) {
            TableBet b = bets.get(i);
            returned[i] = b.stake();
            betKeys.computeIfAbsent(b.playerId(), p -> new TreeSet<>()).add(b.betKey());
        }
        List<MoneyRequest> voids = new ArrayList<>();
        for (Map.Entry<Long, TreeSet<String>> e : betKeys.entrySet()) {
            int i = 0;
            for (String betKey : e.getValue()) {
                voids.add(MoneyRequest.voidBet(e.getKey(), "refund:" + tableId + ":" + round.roundNo() + ":" + i++,
                        betKey));
            }
        }
        applyAll(voids, new HashMap<>());
        Timestamp stamp = new Timestamp(System.currentTimeMillis());
        writeOutcomes(round, bets, BetStatus.REFUNDED, returned, stamp);
        long refundedAt = finishRound(round, bets, RoundStatus.REFUNDED, returned, stamp);
        log.warn("Table {}: round {} could not be completed; {} bets refunded", tableId, round.roundNo(),
                bets.size());
        publish(ignite, new TableEvent(TableEvent.Type.ROUND_REFUNDED, tableId, round.roundNo(), 0,
                bets.stream().mapToLong(TableBet::stake).sum(), -1, null, refundedAt));
    }

    /**
     * Applies money operations in chunks until each has a definite outcome. UNAVAILABLE / OVERLOADED (the outcome
     * is unknown or nothing happened) are retried with the same key; ALREADY_VOIDED counts as done.
     */
    private void applyAll(List<MoneyRequest> requests, Map<Long, Long> balances) throws InterruptedException {
        GridWalletService wallet = wallet(ignite);
        List<MoneyRequest> pending = requests;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (cancelled) {
                throw new InterruptedException("table " + tableId + " driver cancelled");
            }
            if (attempt > 0) {
                Thread.sleep(Math.min(1_000, 50L * attempt));
            }
            List<MoneyRequest> again = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += settings.settleChunkOperations()) {
                List<MoneyRequest> chunk = pending.subList(from,
                        Math.min(pending.size(), from + settings.settleChunkOperations()));
                List<CompletableFuture<MoneyResult>> futures = new ArrayList<>(chunk.size());
                chunk.forEach(r -> futures.add(wallet.submit(r)));
                for (int i = 0; i < chunk.size(); i++) {
                    MoneyResult result = await(futures.get(i));
                    MoneyRequest r = chunk.get(i);
                    if (result.isOk()) {
                        balances.put(r.playerId(), result.balance());
                    } else if (result.code() == ResultCode.UNAVAILABLE || result.code() == ResultCode.OVERLOADED) {
                        again.add(r);
                    } else if (result.code() != ResultCode.ALREADY_VOIDED) {
                        // Cannot happen for a bet this table accepted unless an administrator intervened: say so.
                        log.error("Table {}: {} rejected with {}; left for an operator", tableId, r, result.code());
                    }
                }
            }
            pending = again;
        }
    }

    /**
     * Waits for a result, interruptibly: when the node stops, Ignite cancels the service and interrupts its thread,
     * and a driver must not hold the node's shutdown hostage to a payout in flight (the next driver redoes it).
     */
    private <T> T await(CompletableFuture<T> future) throws InterruptedException {
        while (true) {
            if (cancelled) {
                throw new InterruptedException("table " + tableId + " driver cancelled");
            }
            try {
                return future.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                // check for cancellation, then keep waiting
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof java.util.concurrent.CompletionException c
                        && c.getCause() instanceof InterruptedException i) {
                    throw i;
                }
                throw new IllegalStateException("money operations failed", e.getCause());
            }
        }
    }

    /**
     * Every bet's outcome ({@code returned[i]} for {@code bets.get(i)}) in one transaction, unless the round has
     * already ended. OPTIMISTIC SERIALIZABLE: thousands of rows are locked in one batch at prepare instead of one
     * lock request each.
     */
    private void writeOutcomes(TableRound round, List<TableBet> bets, BetStatus end, long[] returned, Timestamp now) {
        IgniteCache<TableBetKey, TableBet> betCache = ignite.cache(CacheSchema.TABLE_BET);
        TreeMap<TableBetKey, TableBet> rows = new TreeMap<>();
        for (int i = 0; i < returned.length; i++) {
            TableBet b = bets.get(i);
            rows.put(b.key(), b.finished(end, returned[i], b.balanceAfter(), now));
        }
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.OPTIMISTIC,
                TransactionIsolation.SERIALIZABLE, 0, rows.size() + 1)) {
            if (hasEnded(rounds().get(round.key()))) {
                return;
            }
            betCache.putAll(rows);
            tx.commit();
        }
    }

    /**
     * The round's end and totals, once its bets' outcomes are written and its money has moved, stamped with the same
     * settlement time as its bets; returns the commit time.
     */
    private long finishRound(TableRound round, List<TableBet> bets, RoundStatus end, long[] returned, Timestamp now) {
        long stakes = 0;
        long returns = 0;
        for (int i = 0; i < returned.length; i++) {
            stakes += bets.get(i).stake();
            returns += returned[i];
        }
        try (Transaction tx = pessimistic()) {
            TableRound current = rounds().get(round.key());
            if (hasEnded(current)) {
                return current.settledAt().getTime();
            }
            rounds().put(round.key(), current.finished(end, stakes, returns, bets.size(), now));
            tx.commit();
        }
        return System.currentTimeMillis();
    }

    private static boolean hasEnded(TableRound round) {
        return round.status() == RoundStatus.SETTLED || round.status() == RoundStatus.REFUNDED;
    }

    /**
     * The bets of a round as this node holds them. The driver runs on the primary of the table's partition, which
     * owns it fully (Ignite makes a node primary only once it holds the partition's data), so a local query sees every
     * bet, without depending on how a distributed query is mapped while partitions move after a topology change.
     * If this node is no longer primary, the step fails and Ignite moves the driver.
     */
    private List<TableBet> localBetsOf(long roundNo) {
        if (!ignite.affinity(CacheSchema.TABLE_BET).isPrimary(ignite.cluster().localNode(), tableId)) {
            throw new IllegalStateException("table " + tableId + " is no longer primary on " + ignite.name());
        }
        return queryBets(ignite, new SqlFieldsQuery(BETS_OF_ROUND).setArgs(tableId, roundNo).setLocal(true));
    }

    /** The bets of a round, from any node; the query is pinned to the table's partition. */
    static List<TableBet> betsOf(Ignite ignite, String tableId, long roundNo) {
        return queryBets(ignite, new SqlFieldsQuery(BETS_OF_ROUND).setArgs(tableId, roundNo)
                .setPartitions(ignite.affinity(CacheSchema.TABLE_BET).partition(tableId)));
    }

    private static final String BETS_OF_ROUND = "SELECT _VAL FROM TABLE_BET WHERE TABLE_ID = ? AND ROUND_NO = ?";

    private static List<TableBet> queryBets(Ignite ignite, SqlFieldsQuery query) {
        IgniteCache<TableBetKey, TableBet> betCache = ignite.cache(CacheSchema.TABLE_BET);
        List<TableBet> bets = new ArrayList<>();
        try (FieldsQueryCursor<List<?>> cursor = betCache.query(query.setSchema(CacheSchema.SQL_SCHEMA))) {
            cursor.forEach(row -> bets.add((TableBet) row.get(0)));
        }
        return bets;
    }

    static void publish(Ignite ignite, TableEvent event) {
        try {
            ignite.message().send(TableEvent.topic(event.tableId()), event);
        } catch (RuntimeException e) {
            // Events are notifications; the grid state is the truth and clients can re-read it.
            log.warn("Could not publish {}", event, e);
        }
    }

    /** One money pipeline per node for all tables driven there. */
    static GridWalletService wallet(Ignite ignite) {
        ConcurrentMap<String, Object> local = ignite.cluster().nodeLocalMap();
        return (GridWalletService) local.computeIfAbsent(WALLET_KEY,
                k -> new GridWalletService(ignite, PipelineSettings.defaults()));
    }

    private Transaction pessimistic() {
        return ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ);
    }

    private IgniteCache<String, TableState> states() {
        return ignite.cache(CacheSchema.ROULETTE_TABLE);
    }

    private IgniteCache<TableRoundKey, TableRound> rounds() {
        return ignite.cache(CacheSchema.TABLE_ROUND);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
