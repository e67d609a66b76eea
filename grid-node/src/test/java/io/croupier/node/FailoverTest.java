package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.player.Players;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyLimits;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.OperationKind;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.ResultCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.Test;

/**
 * A server node dies under load. Three servers with one backup, the wallet service on a client node: every
 * operation the service acknowledged survives, every operation with an unknown outcome resolves on retry with the
 * same key, and no operation is applied twice.
 */
class FailoverTest {
    private static final int THREADS = 8;
    private static final int PLAYERS = 100;
    private static final long FUNDING = 10_000_000;
    private static final long LOAD_BEFORE_KILL_MS = 2_000;
    private static final long LOAD_AFTER_KILL_MS = 3_000;
    /** Short, so an operation caught in the failover can come back UNAVAILABLE within the test. */
    private static final PipelineSettings PIPELINE = new PipelineSettings(256, 4, 50_000, 1_000, 200,
            MoneyLimits.DEFAULT);

    @Test
    void killingAServerUnderLoadLosesNoAcknowledgedOperationAndAppliesNoneTwice() throws Exception {
        try (TestGrid grid = new TestGrid(Map.of("croupier.games.slotsDirectory", SlotSpinTest.SLOTS.toString()))) {
            grid.startServer();
            Ignite victim = grid.startServer();
            grid.startServer();
            Ignite client = grid.startClient();
            runLoadAndKillAServer(client, () -> grid.kill(victim));
        }
    }

    @Test
    void sigkillOfTheOldestServerUnderLoadLosesNoAcknowledgedOperationAndAppliesNoneTwice() throws Exception {
        // A server in its own JVM, killed with SIGKILL: it says no goodbye and its last writes may be half done. It
        // starts first, so it is the oldest server, which coordinates partition exchange: its death also moves the
        // coordinator.
        try (TestGrid grid = new TestGrid(Map.of("croupier.games.slotsDirectory", SlotSpinTest.SLOTS.toString()))) {
            Process victim = grid.startServerProcess();
            grid.startServer();
            grid.startServer();
            Ignite client = grid.startClient();
            TestGrid.awaitServers(client, 3, 30_000);
            assertThat(grid.nodes()).as("the oldest server is the separate process")
                    .noneMatch(n -> n.cluster().localNode().id()
                            .equals(client.cluster().forServers().forOldest().node().id()));
            runLoadAndKillAServer(client, () -> TestGrid.killProcess(victim));
        }
    }

    private interface Death {
        void strike() throws Exception;
    }

    private void runLoadAndKillAServer(Ignite client, Death death) throws Exception {
        GridWalletService wallet = new GridWalletService(client, PIPELINE);
        Players players = new Players(client, Clock.systemUTC());
        long[] ids = new long[PLAYERS];
        List<MoneyRequest> all = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            ids[i] = players.open("player-" + i, "EUR");
            MoneyRequest funding = MoneyRequest.deposit(ids[i], "funding", "EUR", FUNDING, "tok_funding");
            assertThat(wallet.execute(funding).isOk()).isTrue();
            all.add(funding);
        }

        Map<String, MoneyRequest> requests = new ConcurrentHashMap<>();
        Map<String, MoneyResult> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<MoneyRequest> unknown = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong acknowledgedAfterKill = new AtomicLong();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                Random random = new Random(thread);
                for (int n = 0; running.get(); n++) {
                    MoneyRequest r = randomOperation(random, ids[random.nextInt(PLAYERS)], "t" + thread + "-" + n);
                    requests.put(keyOf(r), r);
                    MoneyResult result = wallet.execute(r);
                    if (result.isOk()) {
                        acknowledged.put(keyOf(r), result);
                        if (killed.get()) {
                            acknowledgedAfterKill.incrementAndGet();
                        }
                    } else if (result.code() == ResultCode.UNAVAILABLE || result.code() == ResultCode.OVERLOADED) {
                        unknown.add(r);
                    } else {
                        problems.add(r + " returned " + result);
                    }
                }
            }));
        }
        Thread.sleep(LOAD_BEFORE_KILL_MS);
        long acknowledgedBeforeKill = acknowledged.size();
        death.strike();
        killed.set(true);
        Thread.sleep(LOAD_AFTER_KILL_MS);
        running.set(false);
        for (Future<?> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        TestGrid.awaitServers(client, 2, 30_000);

        // An unknown outcome is resolved by retrying the same request: it applies now, or it had applied.
        Map<String, MoneyResult> resolved = new HashMap<>();
        for (MoneyRequest r : unknown) {
            MoneyResult result = wallet.execute(r);
            for (int attempt = 0; attempt < 20 && !result.isOk() && result.code() != ResultCode.INTERNAL_ERROR;
                 attempt++) {
                Thread.sleep(500);
                result = wallet.execute(r);
            }
            assertThat(result.code()).as("retry of %s", r).isEqualTo(ResultCode.OK);
            resolved.put(keyOf(r), result);
        }
        System.out.printf("%d operations: %d acknowledged (%d before the kill, %d after), %d unknown resolved on "
                        + "retry (%d of them had applied)%n", requests.size(), acknowledged.size(),
                acknowledgedBeforeKill, acknowledgedAfterKill.get(), unknown.size(), resolved.size(),
                resolved.values().stream().filter(MoneyResult::replayed).count());
        assertThat(problems).as("results other than OK or an unknown outcome").isEmpty();
        assertThat(acknowledgedBeforeKill).as("load ran before the kill").isPositive();
        assertThat(acknowledgedAfterKill.get()).as("load ran after the kill").isPositive();
        assertThat(acknowledged.size() + resolved.size()).as("every operation resolved")
                .isEqualTo(requests.size());

        // Every acknowledged operation is still there: asked again, it is a replay of the same transfer.
        List<CompletableFuture<MoneyResult>> replays = new ArrayList<>();
        List<String> replayKeys = new ArrayList<>(acknowledged.keySet());
        replayKeys.forEach(k -> replays.add(wallet.submit(requests.get(k))));
        for (int i = 0; i < replayKeys.size(); i++) {
            MoneyResult first = acknowledged.get(replayKeys.get(i));
            MoneyResult again = replays.get(i).get(60, TimeUnit.SECONDS);
            assertThat(again.isOk() && again.replayed()).as("replay of %s: %s", replayKeys.get(i), again).isTrue();
            assertThat(again.transferId()).isEqualTo(first.transferId());
            assertThat(again.balance()).isEqualTo(first.balance());
            if (first.round() != null) {
                assertThat(again.round().stops()).as("replayed spin draws nothing new").isEqualTo(first.round().stops());
                assertThat(again.round().nonce()).isEqualTo(first.round().nonce());
            }
        }

        all.addAll(requests.values());
        Map<String, MoneyResult> outcomes = new HashMap<>(acknowledged);
        outcomes.putAll(resolved);
        MoneyTables tables = MoneyTables.read(client);
        Map<Long, Long> expected = new HashMap<>();
        for (MoneyRequest r : all) {
            long effect = r.kind() != OperationKind.SPIN ? MoneyTables.walletEffect(r)
                    : outcomes.get(keyOf(r)).round().win() - r.amount();
            expected.merge(r.playerId(), effect, Long::sum);
        }
        // Spins: one round per applied spin, and each player's nonces unique and consecutive from 0.
        Map<Long, List<Long>> nonces = new HashMap<>();
        for (List<?> row : MoneyTables.sql(client, "SELECT PLAYER_ID, NONCE FROM CROUPIER.ROUND")) {
            nonces.computeIfAbsent(((Number) row.get(0)).longValue(), p -> new ArrayList<>())
                    .add(((Number) row.get(1)).longValue());
        }
        nonces.forEach((player, used) -> assertThat(used).as("nonces of player %d", player)
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, used.size()).boxed().toList()));
        long spins = outcomes.values().stream().filter(o -> o.round() != null).count();
        assertThat(spins).as("spins ran through the failover").isPositive();
        assertThat(MoneyTables.sqlLong(client, "SELECT COUNT(*) FROM CROUPIER.ROUND")).isEqualTo(spins);
        for (long player : ids) {
            assertThat(tables.balance(player)).as("balance of %d: funding plus each operation once", player)
                    .isEqualTo(expected.get(player));
        }
        outcomes.forEach((key, result) -> {
            MoneyRequest r = requests.get(key);
            MoneyTables.TransferRow row = tables.transfer(r.playerId(), r.idempotencyKey());
            assertThat(row).as("TRANSFER row of acknowledged %s", r).isNotNull();
            assertThat(row.transferId()).as("transfer id of %s", r).isEqualTo(result.transferId());
            assertThat(tables.rowsOf(row.transferId())).as("ledger rows of %s", r)
                    .hasSize(MoneyTables.ledgerRowsOf(row));
        });
        assertThat(tables.transferCount(toSet(ids))).as("one TRANSFER row per operation").isEqualTo(all.size());
        tables.assertInvariants();
        wallet.close();
    }

    /** Operations that cannot be refused on a well-funded wallet, so every one must end OK. */
    private static MoneyRequest randomOperation(Random random, long player, String key) {
        return switch (random.nextInt(5)) {
            case 4 -> MoneyRequest.spin(player, key, "EUR", 10L * (1 + random.nextInt(10)), "classic-fruits");
            case 0 -> MoneyRequest.bet(player, key, "EUR", 1 + random.nextInt(100), "round-" + key);
            case 1 -> MoneyRequest.win(player, key, "EUR", 1 + random.nextInt(100), "round-" + key);
            case 2 -> MoneyRequest.deposit(player, key, "EUR", 1 + random.nextInt(1_000), "tok_" + key);
            default -> MoneyRequest.betAndWin(player, key, "EUR", 1 + random.nextInt(100), random.nextInt(3) * 50L,
                    "round-" + key);
        };
    }

    private static String keyOf(MoneyRequest r) {
        return r.playerId() + "/" + r.idempotencyKey();
    }

    private static Set<Long> toSet(long[] ids) {
        return LongStream.of(ids).boxed().collect(Collectors.toSet());
    }
}
