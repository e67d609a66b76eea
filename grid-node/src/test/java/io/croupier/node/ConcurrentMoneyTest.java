package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.player.Players;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.OperationKind;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.ResultCode;
import io.croupier.wallet.Wallet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
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
import org.apache.ignite.IgniteCache;
import org.junit.jupiter.api.Test;

/**
 * Many threads on a few hot wallets, through both server nodes of a grid with backups: every applied operation is
 * counted by the test, and the grid must end exactly where the test's own arithmetic says.
 */
class ConcurrentMoneyTest {
    private static final int THREADS = 16;
    private static final int HOT_WALLETS = 5;
    private static final long RUN_MS = 5_000;
    private static final long SEED_DEPOSIT = 10_000;

    /** An operation that applied (first OK for its key) and what it did. */
    private record Applied(MoneyRequest request, MoneyResult result, long effect) {
    }

    /** A definitive result, and whether an earlier attempt of the same request ended with an unknown outcome. */
    private record Answer(MoneyResult result, boolean afterUnknownOutcome) {
    }

    /** A bet this thread placed and may still void. */
    private record OpenBet(long playerId, String key, long stake) {
    }

    private final Map<String, Applied> applied = new ConcurrentHashMap<>();
    private final Map<Long, AtomicLong> expectedBalances = new ConcurrentHashMap<>();
    private final Map<ResultCode, AtomicLong> codes = new ConcurrentHashMap<>();
    private final AtomicLong replaysChecked = new AtomicLong();
    private final AtomicLong retriedAfterUnknownOutcome = new AtomicLong();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    @Test
    void sixteenThreadsOnFiveHotWalletsLoseNoUpdateAndNeverOverdraw() throws Exception {
        Map<String, String> settings = new HashMap<>(TestGrid.NO_STAKE_VELOCITY_LIMIT);
        settings.put("croupier.games.slotsDirectory", SlotSpinTest.SLOTS.toString());
        try (TestGrid grid = new TestGrid(settings)) {
            Ignite first = grid.startServer();
            Ignite second = grid.startServer();
            List<GridWalletService> services = List.of(new GridWalletService(first, PipelineSettings.defaults()),
                    new GridWalletService(second, PipelineSettings.defaults()));
            Players players = new Players(first, Clock.systemUTC());
            long[] hot = new long[HOT_WALLETS];
            for (int i = 0; i < HOT_WALLETS; i++) {
                hot[i] = players.open("hot-" + i, "EUR");
                expectedBalances.put(hot[i], new AtomicLong());
                MoneyRequest seed = MoneyRequest.deposit(hot[i], "seed", "EUR", SEED_DEPOSIT, "tok_seed");
                record(seed, new Answer(services.get(0).execute(seed), false), SEED_DEPOSIT);
            }

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong lowestBalanceSeen = new AtomicLong(Long.MAX_VALUE);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> play(thread, services.get(thread % 2), hot, running)));
            }
            workers.add(pool.submit(() -> watchBalances(second, hot, running, lowestBalanceSeen)));
            Thread.sleep(RUN_MS);
            running.set(false);
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            System.out.printf("%d operations applied, results %s, %d replays checked, %d retried after an unknown "
                            + "outcome, lowest balance seen %d%n", applied.size(), codes, replaysChecked.get(),
                    retriedAfterUnknownOutcome.get(), lowestBalanceSeen.get());
            assertThat(problems).as("wrong results during the run").isEmpty();
            assertThat(count(ResultCode.INSUFFICIENT_FUNDS)).as("withdrawals big enough to be refused sometimes")
                    .isPositive();
            assertThat(applied.values().stream().map(a -> a.request().kind()).collect(Collectors.toSet()))
                    .as("every kind of operation applied at least once").containsAll(Set.of(OperationKind.values()));
            assertThat(lowestBalanceSeen.get()).as("lowest balance seen by a reader during the run")
                    .isNotNegative();

            MoneyTables tables = MoneyTables.read(first);
            for (long player : hot) {
                long expected = expectedBalances.get(player).get();
                assertThat(tables.balance(player)).as("balance of %d in SQL", player).isEqualTo(expected);
                for (GridWalletService s : services) {
                    assertThat(s.wallet(player).map(Wallet::balance)).as("balance of %d by get", player)
                            .contains(expected);
                }
            }
            Set<Long> hotPlayers = LongStream.of(hot).boxed().collect(Collectors.toSet());
            assertThat(tables.transferCount(hotPlayers)).as("one TRANSFER row per applied operation")
                    .isEqualTo(applied.size());
            applied.values().forEach(a -> {
                MoneyTables.TransferRow row = tables.transfer(a.request().playerId(), a.request().idempotencyKey());
                assertThat(row).as("record of %s", a.request()).isNotNull();
                assertThat(row.transferId()).as("transfer id of %s", a.request()).isEqualTo(a.result().transferId());
                assertThat(row.balanceAfter()).as("balance after %s", a.request()).isEqualTo(a.result().balance());
                assertThat(tables.rowsOf(row.transferId())).hasSize(MoneyTables.ledgerRowsOf(row));
            });
            for (long player : hot) {
                assertBalancesFormOneSerialHistory(player);
            }
            tables.assertInvariants();
            services.forEach(GridWalletService::close);
        }
    }

    private void play(int thread, GridWalletService wallet, long[] hot, AtomicBoolean running) {
        Random random = new Random(thread * 7_919L);
        List<OpenBet> openBets = new ArrayList<>();
        List<Applied> mine = new ArrayList<>();
        for (int n = 0; running.get(); n++) {
            long player = hot[random.nextInt(hot.length)];
            String key = "t" + thread + "-" + n;
            int dice = random.nextInt(100);
            if (dice >= 94 && !mine.isEmpty()) {
                replay(wallet, mine.get(random.nextInt(mine.size())));
                continue;
            }
            if (dice >= 88 && !openBets.isEmpty()) {
                OpenBet bet = openBets.remove(random.nextInt(openBets.size()));
                MoneyRequest voidBet = MoneyRequest.voidBet(bet.playerId(), key, bet.key());
                Answer answer = executeUntilKnown(wallet, voidBet);
                expect(voidBet, answer.result(), Set.of(ResultCode.OK));
                record(voidBet, answer, bet.stake()).ifPresent(mine::add);
                continue;
            }
            MoneyRequest request;
            if (dice < 13) {
                request = MoneyRequest.deposit(player, key, "EUR", 100 + random.nextInt(2_000), "tok_" + thread);
            } else if (dice < 15) {
                long correction = random.nextBoolean() ? 1 + random.nextInt(500) : -(1 + random.nextInt(5_000));
                request = MoneyRequest.adjustment(player, key, "EUR", correction, "admin:test:" + key);
            } else if (dice < 30) {
                request = MoneyRequest.withdraw(player, key, "EUR", 1_000 + random.nextInt(20_000));
            } else if (dice < 60) {
                request = MoneyRequest.bet(player, key, "EUR", 10 + random.nextInt(1_000), "round-" + n);
            } else if (dice < 72) {
                request = MoneyRequest.win(player, key, "EUR", 10 + random.nextInt(1_000), "round-" + n);
            } else if (dice < 86) {
                long win = random.nextBoolean() ? 0 : random.nextInt(2_000);
                request = MoneyRequest.betAndWin(player, key, "EUR", 10 + random.nextInt(1_000), win, "round-" + n);
            } else {
                request = MoneyRequest.spin(player, key, "EUR", 10L * (1 + random.nextInt(100)),
                        random.nextBoolean() ? "classic-fruits" : "dragon-gold");
            }
            Answer answer = executeUntilKnown(wallet, request);
            boolean mayBeRefused = request.kind() != OperationKind.DEPOSIT && request.kind() != OperationKind.WIN
                    && request.kind() != OperationKind.ADJUST_CREDIT;
            expect(request, answer.result(),
                    mayBeRefused ? Set.of(ResultCode.OK, ResultCode.INSUFFICIENT_FUNDS) : Set.of(ResultCode.OK));
            long effect = request.kind() != OperationKind.SPIN ? MoneyTables.walletEffect(request)
                    : answer.result().isOk() ? answer.result().round().win() - request.amount() : 0;
            record(request, answer, effect).ifPresent(a -> {
                mine.add(a);
                if (request.kind() == OperationKind.BET) {
                    openBets.add(new OpenBet(player, key, request.amount()));
                }
            });
        }
    }

    /** UNAVAILABLE and OVERLOADED leave the outcome unknown: the caller retries with the same key. */
    private Answer executeUntilKnown(GridWalletService wallet, MoneyRequest request) {
        MoneyResult r = wallet.execute(request);
        boolean retried = false;
        while (r.code() == ResultCode.UNAVAILABLE || r.code() == ResultCode.OVERLOADED) {
            retried = true;
            retriedAfterUnknownOutcome.incrementAndGet();
            GridNodes.sleep(10);
            r = wallet.execute(request);
        }
        codes.computeIfAbsent(r.code(), c -> new AtomicLong()).incrementAndGet();
        if (r.isOk() && r.balance() < 0) {
            problems.add(request + " left a negative balance: " + r);
        }
        return new Answer(r, retried);
    }

    /** Counts a first OK for a fresh key; a replay is only right if an earlier attempt's outcome was unknown. */
    private Optional<Applied> record(MoneyRequest request, Answer answer, long effect) {
        MoneyResult r = answer.result();
        if (!r.isOk()) {
            return Optional.empty();
        }
        if (r.replayed() && !answer.afterUnknownOutcome()) {
            problems.add("first attempt of " + request + " answered as a replay: " + r);
        }
        Applied a = new Applied(request, r, effect);
        if (applied.putIfAbsent(request.playerId() + "/" + request.idempotencyKey(), a) != null) {
            problems.add("key used twice by the test: " + request);
        }
        expectedBalances.get(request.playerId()).addAndGet(effect);
        return Optional.of(a);
    }

    private void replay(GridWalletService wallet, Applied earlier) {
        MoneyResult r = executeUntilKnown(wallet, earlier.request()).result();
        replaysChecked.incrementAndGet();
        if (!r.isOk() || !r.replayed() || !r.transferId().equals(earlier.result().transferId())
                || r.balance() != earlier.result().balance()) {
            problems.add("replay of " + earlier.request() + " returned " + r + ", first result " + earlier.result());
        }
    }

    private void expect(MoneyRequest request, MoneyResult r, Set<ResultCode> allowed) {
        if (!allowed.contains(r.code())) {
            problems.add(request + " returned " + r + ", expected one of " + allowed);
        }
    }

    /** A reader on the other node: a committed wallet is never negative, whenever it is looked at. */
    private static void watchBalances(Ignite node, long[] hot, AtomicBoolean running, AtomicLong lowest) {
        IgniteCache<Long, Wallet> wallets = node.cache("wallet");
        while (running.get()) {
            for (long player : hot) {
                lowest.accumulateAndGet(wallets.get(player).balance(), Math::min);
            }
            GridNodes.sleep(2);
        }
    }

    /**
     * Each applied operation moved the wallet from (balance after − effect) to (balance after). If the operations ran
     * one after another on one wallet, these steps chain from 0 to the final balance, so every balance is left as
     * often as it is reached. A lost update (two operations starting from the same balance) breaks the count.
     */
    private void assertBalancesFormOneSerialHistory(long player) {
        Map<Long, Integer> degree = new HashMap<>();
        degree.merge(0L, 1, Integer::sum);
        degree.merge(expectedBalances.get(player).get(), -1, Integer::sum);
        applied.values().stream().filter(a -> a.request().playerId() == player).forEach(a -> {
            degree.merge(a.result().balance() - a.effect(), -1, Integer::sum);
            degree.merge(a.result().balance(), 1, Integer::sum);
        });
        degree.values().removeIf(d -> d == 0);
        assertThat(degree).as("balances of %d not explained by one serial order of its operations", player).isEmpty();
    }

    private long count(ResultCode code) {
        AtomicLong n = codes.get(code);
        return n == null ? 0 : n.get();
    }
}
