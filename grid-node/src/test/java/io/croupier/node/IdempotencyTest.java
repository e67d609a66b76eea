package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.player.Players;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.GroupCommitter;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.PlayPolicy;
import io.croupier.wallet.ResultCode;
import io.croupier.wallet.Wallet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same idempotency key fired from many threads at the same instant, through both nodes of a grid with backups:
 * whatever the interleaving (same group, different groups, different callers), a key moves money once.
 */
class IdempotencyTest {
    private static final int THREADS = 16;
    private static final long FUNDING = 1_000_000;

    private static TestGrid grid;
    private static Ignite node;
    private static List<GridWalletService> services;
    private static Players players;
    private static ExecutorService pool;

    @BeforeAll
    static void startGrid() throws Exception {
        grid = TestGrid.inMemory();
        node = grid.startServer();
        Ignite other = grid.startServer();
        services = List.of(new GridWalletService(node, PipelineSettings.defaults()),
                new GridWalletService(other, PipelineSettings.defaults()));
        players = new Players(node, Clock.systemUTC());
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stopGrid() throws Exception {
        pool.shutdownNow();
        services.forEach(GridWalletService::close);
        grid.close();
    }

    @Test
    void aKeyFiredFromSixteenThreadsAtOnceMovesMoneyOnceAndAllSeeTheSameTransfer() throws Exception {
        long[] wallets = fundedPlayers(5, "same");
        long[] expected = {FUNDING, FUNDING, FUNDING, FUNDING, FUNDING};
        List<MoneyRequest> fired = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            int w = k % wallets.length;
            long player = wallets[w];
            String key = "same-" + k;
            MoneyRequest request = switch (k % 5) {
                case 0 -> MoneyRequest.deposit(player, key, "EUR", 1_000 + k, "tok_" + k);
                case 1 -> MoneyRequest.bet(player, key, "EUR", 100 + k, "round-" + k);
                case 2 -> MoneyRequest.win(player, key, "EUR", 300 + k, "round-" + k);
                case 3 -> MoneyRequest.betAndWin(player, key, "EUR", 200 + k, 500 + k, "round-" + k);
                default -> MoneyRequest.withdraw(player, key, "EUR", 50 + k);
            };
            List<MoneyResult> results = fireAtOnce(thread -> request);

            assertThat(results).as("results of %s", request).allMatch(MoneyResult::isOk);
            assertThat(results.stream().map(MoneyResult::transferId).distinct()).as("transfer ids of %s", request)
                    .hasSize(1);
            assertThat(results.stream().filter(r -> !r.replayed())).as("applications of %s", request).hasSize(1);
            assertThat(results.stream().map(MoneyResult::balance).distinct())
                    .as("every replay returns the first result's balance").hasSize(1);
            expected[w] += MoneyTables.walletEffect(request);
            assertThat(results.get(0).balance()).as("balance after %s", request).isEqualTo(expected[w]);
            fired.add(request);
        }

        MoneyTables tables = MoneyTables.read(node);
        for (int w = 0; w < wallets.length; w++) {
            assertThat(tables.balance(wallets[w])).as("balance of wallet %d", w).isEqualTo(expected[w]);
        }
        for (MoneyRequest r : fired) {
            MoneyTables.TransferRow row = tables.transfer(r.playerId(), r.idempotencyKey());
            assertThat(row).as("TRANSFER row of %s", r).isNotNull();
            assertThat(tables.rowsOf(row.transferId())).as("ledger rows of %s", r)
                    .hasSize(MoneyTables.ledgerRowsOf(row));
            assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.TRANSFER WHERE PLAYER_ID = ? "
                    + "AND IDEMPOTENCY_KEY = ?", r.playerId(), r.idempotencyKey())).isEqualTo(1);
        }
        assertThat(tables.transferCount(toSet(wallets))).as("TRANSFER rows: the funding and one per key")
                .isEqualTo(wallets.length + fired.size());
        tables.assertInvariants();
    }

    @Test
    void aKeyFiredWithDifferentAmountsAtOnceAppliesOneRequestAndRefusesTheOthers() throws Exception {
        long[] wallets = fundedPlayers(3, "different");
        long[] expected = {FUNDING, FUNDING, FUNDING};
        for (int round = 0; round < 20; round++) {
            int k = round;
            int w = k % wallets.length;
            long player = wallets[w];
            String key = "clash-" + k;
            // Four threads per amount: the winner's twins replay it, everyone else is refused.
            IntFunction<MoneyRequest> requestOf = thread -> k % 2 == 0
                    ? MoneyRequest.deposit(player, key, "EUR", 100 + thread % 4, "tok_" + k)
                    : MoneyRequest.bet(player, key, "EUR", 100 + thread % 4, "round-" + k);
            List<MoneyResult> results = fireAtOnce(requestOf);

            List<Integer> winners = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                if (results.get(t).isOk() && !results.get(t).replayed()) {
                    winners.add(t);
                }
            }
            assertThat(winners).as("threads whose request applied for key %s: %s", key, results).hasSize(1);
            MoneyRequest applied = requestOf.apply(winners.get(0));
            MoneyResult first = results.get(winners.get(0));
            for (int t = 0; t < THREADS; t++) {
                MoneyResult r = results.get(t);
                if (requestOf.apply(t).amount() == applied.amount()) {
                    assertThat(r.isOk()).as("twin %d of the applied request: %s", t, r).isTrue();
                    assertThat(r.transferId()).isEqualTo(first.transferId());
                    assertThat(r.balance()).isEqualTo(first.balance());
                } else {
                    assertThat(r.code()).as("thread %d asked %d under key %s", t, requestOf.apply(t).amount(), key)
                            .isEqualTo(ResultCode.DUPLICATE_KEY_DIFFERENT_REQUEST);
                }
            }
            expected[w] += MoneyTables.walletEffect(applied);
            MoneyTables.TransferRow row = MoneyTables.read(node).transfer(player, key);
            assertThat(row.amount()).as("recorded amount of key %s", key).isEqualTo(applied.amount());
            assertThat(row.transferId()).isEqualTo(first.transferId());
        }
        MoneyTables tables = MoneyTables.read(node);
        for (int w = 0; w < wallets.length; w++) {
            assertThat(tables.balance(wallets[w])).as("balance of wallet %d", w).isEqualTo(expected[w]);
        }
        assertThat(tables.transferCount(toSet(wallets))).isEqualTo(wallets.length + 20);
        tables.assertInvariants();
    }

    @Test
    void aBetVoidedFromSixteenThreadsWithDifferentKeysIsRefundedOnce() throws Exception {
        long player = fundedPlayers(1, "void")[0];
        for (int b = 0; b < 10; b++) {
            int round = b;
            String betKey = "bet-" + round;
            MoneyResult bet = services.get(0).execute(MoneyRequest.bet(player, betKey, "EUR", 1_000, "round-" + round));
            assertThat(bet.isOk()).as("bet %s: %s", betKey, bet).isTrue();
            List<MoneyResult> results = fireAtOnce(
                    thread -> MoneyRequest.voidBet(player, "void-" + round + "-" + thread, betKey));

            assertThat(results.stream().filter(MoneyResult::isOk)).as("voids that applied: %s", results).hasSize(1);
            assertThat(results.stream().filter(r -> !r.isOk()).map(MoneyResult::code).collect(Collectors.toSet()))
                    .as("the other voids").containsOnly(ResultCode.ALREADY_VOIDED);
            assertThat(results.stream().filter(MoneyResult::isOk).findFirst().orElseThrow().balance())
                    .as("refunded once").isEqualTo(FUNDING);
        }
        assertThat(services.get(1).wallet(player).orElseThrow().balance()).isEqualTo(FUNDING);
        MoneyTables tables = MoneyTables.read(node);
        assertThat(tables.transferCount(toSet(new long[] {player}))).as("funding, 10 bets, 10 voids").isEqualTo(21);
        tables.assertInvariants();
    }

    @Test
    void anOperationAnsweredUnavailableAppliesAtMostOnceAndItsRetryTellsTheOutcome() throws Exception {
        // A batch waits at most 2 x tx.timeoutMs on the node for its operations. A play policy that stalls one bet
        // holds the player's commit lane longer than that, so the deposits queued behind it are answered UNAVAILABLE
        // and apply once the lane moves on, after their answer. The caller cannot know; the same key must tell it.
        try (TestGrid small = new TestGrid(Map.of("croupier.tx.timeoutMs", "1000"))) {
            CountDownLatch gate = new CountDownLatch(1);
            CountDownLatch stalled = new CountDownLatch(1);
            PlayPolicy stallsTheSlowBet = (request, w) -> {
                if ("slow".equals(request.reference())) {
                    stalled.countDown();
                    awaitQuietly(gate);
                }
                return null;
            };
            Ignite a = small.startServer();
            Ignite b = small.startServer();
            for (Ignite server : List.of(a, b)) {
                GroupCommitter.configure(server, small.settings(0, false).commitSettings(), stallsTheSlowBet,
                        io.croupier.slots.SlotCatalog.EMPTY, Clock.systemUTC());
            }
            // The queued deposits must apply on the node they queued on: a primary moving to the second node
            // mid-scenario would answer them RETRY there instead (seen once on a slow start).
            TestGrid.awaitPrimariesSettled(List.of(a, b), 30_000);
            long player = new Players(a, Clock.systemUTC()).open("stalled", "EUR");
            try (GridWalletService wallet = new GridWalletService(a, PipelineSettings.defaults())) {
                assertThat(wallet.execute(MoneyRequest.deposit(player, "funding", "EUR", 1_000, "tok")).isOk()).isTrue();
                MoneyRequest slowBet = MoneyRequest.bet(player, "slow-bet", "EUR", 100, "slow");
                CompletableFuture<MoneyResult> slowAnswer = wallet.submit(slowBet);
                // The deposits must queue behind the bet's batch, so they go only once the lane is inside it.
                assertThat(stalled.await(30, TimeUnit.SECONDS)).as("the lane reached the slow bet").isTrue();
                List<MoneyRequest> burst = new ArrayList<>();
                List<CompletableFuture<MoneyResult>> answers = new ArrayList<>();
                for (int n = 0; n < 100; n++) {
                    MoneyRequest r = MoneyRequest.deposit(player, "queued-" + n, "EUR", 1 + n % 7, "tok");
                    burst.add(r);
                    answers.add(wallet.submit(r));
                }
                List<MoneyRequest> unknown = new ArrayList<>();
                for (int n = 0; n < burst.size(); n++) {
                    MoneyResult r = answers.get(n).get(60, TimeUnit.SECONDS);
                    if (r.code() == ResultCode.UNAVAILABLE) {
                        unknown.add(burst.get(n));
                    } else {
                        assertThat(r.isOk()).as("%s: %s", burst.get(n), r).isTrue();
                    }
                }
                assertThat(slowAnswer.get(60, TimeUnit.SECONDS).code()).as("the stalled bet")
                        .isEqualTo(ResultCode.UNAVAILABLE);
                assertThat(unknown).as("deposits answered UNAVAILABLE while queued behind the stalled bet")
                        .isNotEmpty();
                gate.countDown();
                IgniteCache<Long, Wallet> wallets = a.cache("wallet");
                TestGrid.await(() -> wallets.get(player).balance() > 1_000, 30_000, "queued deposits applied");

                long appliedBeforeRetry = 0;
                for (MoneyRequest r : unknown) {
                    MoneyResult retry = wallet.execute(r);
                    assertThat(retry.isOk()).as("retry of %s: %s", r, retry).isTrue();
                    appliedBeforeRetry += retry.replayed() ? 1 : 0;
                }
                MoneyResult slowRetry = wallet.execute(slowBet);
                assertThat(slowRetry.isOk()).as("retry of the stalled bet: %s", slowRetry).isTrue();
                System.out.printf("%d deposits behind a stalled bet: %d answered UNAVAILABLE, %d of those had applied "
                        + "when retried; the bet itself %s%n", burst.size(), unknown.size(), appliedBeforeRetry,
                        slowRetry.replayed() ? "had applied" : "applied on retry");
                assertThat(appliedBeforeRetry).as("deposits that applied after their UNAVAILABLE answer").isPositive();

                MoneyTables tables = MoneyTables.read(a);
                assertThat(tables.balance(player)).as("funding, every deposit once, the bet once")
                        .isEqualTo(1_000 + burst.stream().mapToLong(MoneyRequest::amount).sum() - 100);
                assertThat(tables.transferCount(Set.of(player))).isEqualTo(burst.size() + 2);
                tables.assertInvariants();
            } finally {
                gate.countDown();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts one request per thread behind a gate, opens the gate, and returns the results in thread order. */
    private static List<MoneyResult> fireAtOnce(IntFunction<MoneyRequest> requestOfThread) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<MoneyResult>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            MoneyRequest request = requestOfThread.apply(thread);
            GridWalletService wallet = services.get(thread % services.size());
            Callable<MoneyResult> call = () -> {
                ready.countDown();
                gate.await();
                return wallet.execute(request);
            };
            futures.add(pool.submit(call));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).as("all threads at the gate").isTrue();
        gate.countDown();
        List<MoneyResult> results = new ArrayList<>();
        for (Future<MoneyResult> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private static long[] fundedPlayers(int count, String prefix) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = players.open(prefix + "-" + i, "EUR");
            MoneyResult funding = services.get(0).execute(MoneyRequest.deposit(ids[i], "funding-" + UUID.randomUUID(),
                    "EUR", FUNDING, "tok_funding"));
            assertThat(funding.isOk()).as("funding: %s", funding).isTrue();
        }
        return ids;
    }

    private static Set<Long> toSet(long[] ids) {
        return Arrays.stream(ids).boxed().collect(Collectors.toSet());
    }
}
