package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.audit.LedgerAudit;
import io.croupier.fair.Seeds;
import io.croupier.player.Players;
import io.croupier.roulette.BetSpec;
import io.croupier.roulette.BetStatus;
import io.croupier.roulette.PlaceBetsResult;
import io.croupier.roulette.RouletteTables;
import io.croupier.roulette.RoundStatus;
import io.croupier.roulette.SeedChain;
import io.croupier.roulette.TableBet;
import io.croupier.roulette.TableConfig;
import io.croupier.roulette.TableDriverSettings;
import io.croupier.roulette.TableEvent;
import io.croupier.roulette.TableLimits;
import io.croupier.roulette.TableRound;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.ResultCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.Test;

/** Live roulette tables on real grid nodes: lifecycle, fairness chain, bad input, late bets, settlement failover. */
class RouletteTableTest {
    private static final int STRAIGHTS_PER_PLAYER = 6;
    private static final int BETS_PER_PLAYER = STRAIGHTS_PER_PLAYER + 2;
    private static final TableLimits LIMITS = new TableLimits(10, 10_000, 100_000, 500_000, 50);

    private static TableConfig table(String id, long windowMs) {
        return new TableConfig(id, "Test table " + id, "EUR", windowMs, LIMITS, true);
    }

    /** Waits for the table's current round to be OPEN with at least {@code minLeftMs} of its window left. */
    static TableRound awaitOpenRound(RouletteTables tables, String tableId, long minLeftMs) {
        TableRound[] found = new TableRound[1];
        TestGrid.await(() -> {
            TableRound r = tables.currentRound(tableId);
            if (r != null && r.status() == RoundStatus.OPEN
                    && r.closesAt().getTime() - System.currentTimeMillis() >= minLeftMs) {
                found[0] = r;
                return true;
            }
            return false;
        }, 30_000, "an open round at " + tableId);
        return found[0];
    }

    private static TableRound awaitStatus(RouletteTables tables, String tableId, long roundNo, RoundStatus status) {
        TestGrid.await(() -> tables.round(tableId, roundNo).status() == status, 60_000,
                tableId + "#" + roundNo + " " + status);
        return tables.round(tableId, roundNo);
    }

    @Test
    void aRoundOpensClosesDrawsFromTheChainAndPaysEveryWinningBetOnce() throws Exception {
        try (TestGrid grid = TestGrid.inMemory()) {
            Ignite node = grid.startServer();
            grid.startServer();
            List<TableEvent> events = new CopyOnWriteArrayList<>();
            node.message().localListen(TableEvent.topic("t-life"), (uuid, msg) -> events.add((TableEvent) msg));
            RouletteTables tables = new RouletteTables(node);
            tables.deploy(List.of(table("t-life", 1_500)), new TableDriverSettings(100, 60_000, 100, 50));
            try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
                Players players = new Players(node, Clock.systemUTC());
                long alice = MoneyTables.fundedPlayer(players, wallet, "alice", 100_000);
                long bob = MoneyTables.fundedPlayer(players, wallet, "bob", 100_000);
                TableRound round = awaitOpenRound(tables, "t-life", 800);
                String commitment = tables.table("t-life").chainCommitment();

                PlaceBetsResult a = tables.placeBets(alice, "t-life", round.roundNo(), List.of(
                        new BetSpec("RED", null, 1_000), new BetSpec("STRAIGHT", new int[] {17}, 100),
                        new BetSpec("SPLIT", new int[] {0, 1}, 100)), "a-1");
                PlaceBetsResult b = tables.placeBets(bob, "t-life", round.roundNo(), List.of(
                        new BetSpec("BLACK", null, 1_000), new BetSpec("DOZEN", new int[] {2}, 300),
                        new BetSpec("CORNER", new int[] {5, 1, 4, 2}, 100)), "b-1");
                assertThat(a.code()).isEqualTo(ResultCode.OK);
                assertThat(b.code()).isEqualTo(ResultCode.OK);
                assertThat(a.balance()).isEqualTo(100_000 - 1_200);
                assertThat(tables.placeBets(alice, "t-life", round.roundNo(), List.of(
                        new BetSpec("RED", null, 1_000), new BetSpec("STRAIGHT", new int[] {17}, 100),
                        new BetSpec("SPLIT", new int[] {0, 1}, 100)), "a-1").replayed()).isTrue();

                TableRound settled = awaitStatus(tables, "t-life", round.roundNo(), RoundStatus.SETTLED);

                int number = settled.result();
                byte[] seed = Seeds.fromHex(settled.seed());
                assertThat(Seeds.commitment(seed)).isEqualTo(settled.seedHash());
                assertThat(SeedChain.number(seed, "t-life", settled.roundNo())).isEqualTo(number);
                if (settled.roundNo() == 1) {
                    assertThat(Seeds.commitment(seed)).isEqualTo(commitment);
                } else {
                    assertThat(Seeds.commitment(seed))
                            .isEqualTo(tables.round("t-life", settled.roundNo() - 1).seed());
                }
                List<TableBet> bets;
                try (org.apache.ignite.transactions.Transaction tx = node.transactions().txStart(
                        org.apache.ignite.transactions.TransactionConcurrency.PESSIMISTIC,
                        org.apache.ignite.transactions.TransactionIsolation.REPEATABLE_READ)) {
                    node.cache(CacheSchema.TABLE_ROUND).get(settled.key()); // waits for the settling transaction
                    bets = tables.bets("t-life", round.roundNo());
                    tx.commit();
                }
                assertThat(bets).hasSize(6);
                // The round and its bets carry one settlement time: reports select bets by their round's.
                assertThat(bets).extracting(TableBet::status).containsOnly(BetStatus.SETTLED);
                assertThat(bets).extracting(TableBet::settledAt).containsOnly(settled.settledAt());
                long aliceReturn = 0;
                long bobReturn = 0;
                for (TableBet bet : bets) {
                    assertThat(bet.returned()).isEqualTo(bet.returnFor(number));
                    if (bet.playerId() == alice) {
                        aliceReturn += bet.returned();
                    } else {
                        bobReturn += bet.returned();
                    }
                }
                assertThat(wallet.wallet(alice).orElseThrow().balance()).isEqualTo(100_000 - 1_200 + aliceReturn);
                assertThat(wallet.wallet(bob).orElseThrow().balance()).isEqualTo(100_000 - 1_400 + bobReturn);
                assertThat(settled.totalStake()).isEqualTo(2_600);
                assertThat(settled.totalReturn()).isEqualTo(aliceReturn + bobReturn);
                assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.TRANSFER WHERE IDEMPOTENCY_KEY = ?",
                        "settle:t-life:" + round.roundNo())).isEqualTo((aliceReturn > 0 ? 1 : 0) + (bobReturn > 0 ? 1 : 0));
                assertThat(LedgerAudit.run(node).isClean()).isTrue();

                TestGrid.await(() -> events.stream().anyMatch(e -> e.roundNo() == round.roundNo()
                        && e.type() == TableEvent.Type.ROUND_SETTLED), 5_000, "settled event");
                List<TableEvent.Type> types = events.stream().filter(e -> e.roundNo() == round.roundNo())
                        .map(TableEvent::type).toList();
                assertThat(types).contains(TableEvent.Type.ROUND_CLOSED, TableEvent.Type.ROUND_RESULT,
                        TableEvent.Type.BET_PLACED, TableEvent.Type.BETS_SETTLED, TableEvent.Type.ROUND_SETTLED);
                // Both players' settlements in one message, with what each got back and their balance after it.
                TestGrid.await(() -> events.stream().anyMatch(e -> e.roundNo() == round.roundNo()
                        && e.type() == TableEvent.Type.BETS_SETTLED), 5_000, "settlements event");
                List<TableEvent> settlements = events.stream().filter(e -> e.roundNo() == round.roundNo()
                        && e.type() == TableEvent.Type.BETS_SETTLED).toList();
                assertThat(settlements).hasSize(1);
                // A player who won nothing was paid nothing: no balance comes with their settlement (−1).
                assertThat(settlements.get(0).settlements()).containsExactlyInAnyOrder(
                        new TableEvent.PlayerSettlement(alice, aliceReturn,
                                aliceReturn > 0 ? wallet.wallet(alice).orElseThrow().balance() : -1),
                        new TableEvent.PlayerSettlement(bob, bobReturn,
                                bobReturn > 0 ? wallet.wallet(bob).orElseThrow().balance() : -1));
                assertThat(events.stream().filter(e -> e.type() == TableEvent.Type.ROUND_RESULT
                        && e.roundNo() == round.roundNo()).findFirst().orElseThrow().number()).isEqualTo(number);
            }
        }
    }

    @Test
    void badBetsAreTypedRejectionsThatMoveNothing() throws Exception {
        try (TestGrid grid = TestGrid.inMemory()) {
            Ignite node = grid.startServer();
            RouletteTables tables = new RouletteTables(node);
            tables.deploy(List.of(table("t-bad", 30_000), table("t-other", 30_000)),
                    new TableDriverSettings(100, 60_000, 100, 50));
            try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
                long player = MoneyTables.fundedPlayer(new Players(node, Clock.systemUTC()), wallet, "carol", 5_000);
                long round = awaitOpenRound(tables, "t-bad", 5_000).roundNo();
                Map<String, ResultCode> cases = new java.util.LinkedHashMap<>();
                cases.put("unknown table", tables.placeBets(player, "nope", round, List.of(new BetSpec("RED", null, 100)), "k1").code());
                cases.put("straight 37", tables.placeBets(player, "t-bad", round, List.of(new BetSpec("STRAIGHT", new int[] {37}, 100)), "k2").code());
                cases.put("split 1-5", tables.placeBets(player, "t-bad", round, List.of(new BetSpec("SPLIT", new int[] {1, 5}, 100)), "k3").code());
                cases.put("unknown kind", tables.placeBets(player, "t-bad", round, List.of(new BetSpec("BASKET", new int[] {0, 1, 2}, 100)), "k4").code());
                cases.put("below min", tables.placeBets(player, "t-bad", round, List.of(new BetSpec("RED", null, 5)), "k5").code());
                cases.put("negative", tables.placeBets(player, "t-bad", round, List.of(new BetSpec("RED", null, -100)), "k6").code());
                cases.put("above straight max", tables.placeBets(player, "t-bad", round, List.of(new BetSpec("STRAIGHT", new int[] {7}, 10_001)), "k7").code());
                cases.put("no bets", tables.placeBets(player, "t-bad", round, List.of(), "k8").code());
                cases.put("round of another table", tables.placeBets(player, "t-bad", round + 1_000, List.of(new BetSpec("RED", null, 100)), "k9").code());
                cases.put("more than the balance", tables.placeBets(player, "t-bad", round, List.of(new BetSpec("RED", null, 6_000)), "k10").code());
                cases.put("bad key", tables.placeBets(player, "t-bad", round, List.of(new BetSpec("RED", null, 100)), "bad key!").code());
                cases.put("someone unknown", tables.placeBets(987_654_321L, "t-bad", round, List.of(new BetSpec("RED", null, 100)), "k11").code());
                assertThat(cases).containsExactly(
                        Map.entry("unknown table", ResultCode.UNKNOWN_TABLE),
                        Map.entry("straight 37", ResultCode.INVALID_SELECTION),
                        Map.entry("split 1-5", ResultCode.INVALID_SELECTION),
                        Map.entry("unknown kind", ResultCode.INVALID_BET_KIND),
                        Map.entry("below min", ResultCode.INVALID_STAKE),
                        Map.entry("negative", ResultCode.INVALID_STAKE),
                        Map.entry("above straight max", ResultCode.INVALID_STAKE),
                        Map.entry("no bets", ResultCode.NO_BETS),
                        Map.entry("round of another table", ResultCode.UNKNOWN_ROUND),
                        Map.entry("more than the balance", ResultCode.INSUFFICIENT_FUNDS),
                        Map.entry("bad key", ResultCode.INVALID_IDEMPOTENCY_KEY),
                        Map.entry("someone unknown", ResultCode.UNKNOWN_PLAYER));
                assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(5_000);
                assertThat(tables.bets("t-bad", round)).isEmpty();
                assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ?", player))
                        .isEqualTo(2);
                // A key rejected for a bad bet may be used again once the bet is right.
                assertThat(tables.placeBets(player, "t-bad", round, List.of(new BetSpec("RED", null, 100)), "k2").code())
                        .isEqualTo(ResultCode.OK);
            }
        }
    }

    @Test
    void aBetAtTheLastMillisecondIsEitherInTheRoundOrMovesNothing() throws Exception {
        try (TestGrid grid = new TestGrid(TestGrid.NO_STAKE_VELOCITY_LIMIT)) {
            Ignite node = grid.startServer();
            grid.startServer();
            RouletteTables tables = new RouletteTables(node);
            tables.deploy(List.of(table("t-late", 1_000)), new TableDriverSettings(100, 60_000, 100, 50));
            try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
                Players players = new Players(node, Clock.systemUTC());
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    ids.add(MoneyTables.fundedPlayer(players, wallet, "late-" + i, 1_000_000));
                }
                TableRound round = awaitOpenRound(tables, "t-late", 600);
                Map<String, PlaceBetsResult> results = new ConcurrentHashMap<>();
                ExecutorService pool = Executors.newFixedThreadPool(8);
                List<Future<?>> futures = new ArrayList<>();
                for (long player : ids) {
                    futures.add(pool.submit(() -> {
                        // Keep betting through the close: the last ones race the closing transaction.
                        for (int i = 0; System.currentTimeMillis() < round.closesAt().getTime() + 300; i++) {
                            String key = "late-" + i;
                            results.put(player + "/" + key, tables.placeBets(player, "t-late", round.roundNo(),
                                    List.of(new BetSpec("EVEN", null, 10)), key));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                pool.shutdown();
                awaitStatus(tables, "t-late", round.roundNo(), RoundStatus.SETTLED);

                long accepted = results.values().stream().filter(PlaceBetsResult::isOk).count();
                long refused = results.values().stream().filter(r -> r.code() == ResultCode.ROUND_CLOSED).count();
                assertThat(accepted + refused).as("every bet either in or refused as late").isEqualTo(results.size());
                assertThat(refused).as("some bets arrived after the close").isPositive();
                List<TableBet> bets = tables.bets("t-late", round.roundNo());
                assertThat(bets).hasSize((int) accepted);
                TableRound closed = tables.round("t-late", round.roundNo());
                assertThat(bets).allMatch(b -> !b.placedAt().after(closed.closedAt()));
                for (long player : ids) {
                    long placed = bets.stream().filter(b -> b.playerId() == player).mapToLong(TableBet::stake).sum();
                    long returned = bets.stream().filter(b -> b.playerId() == player).mapToLong(TableBet::returned).sum();
                    assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(1_000_000 - placed + returned);
                    assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.TRANSFER WHERE PLAYER_ID = ? "
                            + "AND KIND = 'BET'", player)).isEqualTo(bets.stream().filter(b -> b.playerId() == player).count());
                }
                assertThat(LedgerAudit.run(node).isClean()).isTrue();
            }
        }
    }

    @Test
    void killingTheTablesNodeMidSettlementPaysEveryWinnerExactlyOnce() throws Exception {
        try (TestGrid grid = TestGrid.inMemory()) {
            Ignite observer = grid.startServer();
            grid.startServer();
            grid.startServer();
            RouletteTables tables = new RouletteTables(observer);
            // One payout in flight at a time: settlement takes long enough to be interrupted.
            tables.deploy(List.of(table("t-fail", 10_000)), new TableDriverSettings(100, 60_000, 100, 1));
            try (GridWalletService wallet = new GridWalletService(observer, PipelineSettings.defaults())) {
                Players players = new Players(observer, Clock.systemUTC());
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    ids.add(MoneyTables.fundedPlayer(players, wallet, "f-" + i, 10_000));
                }
                // The kill must land while the round is settling. On a fast machine settlement may finish before
                // the check: then that round is done with and the next one is tried (bets keyed per round).
                TableRound round = null;
                String betKey = null;
                String settleKey = null;
                Ignite driverNode = null;
                java.util.Map<Long, Long> balanceBefore = new java.util.HashMap<>();
                for (int attempt = 0; attempt < 5 && driverNode == null; attempt++) {
                    round = awaitOpenRound(tables, "t-fail", 8_000);
                    for (long player : ids) {
                        balanceBefore.put(player, wallet.wallet(player).orElseThrow().balance());
                    }
                    betKey = "bet-" + round.roundNo();
                    placeSpreadBets(tables, ids, round.roundNo(), betKey);
                    settleKey = "settle:t-fail:" + round.roundNo();
                    String settling = settleKey;
                    long[] paid = new long[1];
                    long roundNo = round.roundNo();
                    TestGrid.await(() -> {
                        paid[0] = MoneyTables.sqlLong(observer,
                                "SELECT COUNT(*) FROM CROUPIER.TRANSFER WHERE IDEMPOTENCY_KEY = ?", settling);
                        return paid[0] >= 5 || tables.round("t-fail", roundNo).status() == RoundStatus.SETTLED;
                    }, 60_000, "settlement under way");
                    if (tables.round("t-fail", roundNo).status() == RoundStatus.RESULT) {
                        driverNode = grid.nodes().stream().filter(n -> observer.affinity(CacheSchema.TABLE_ROUND)
                                .isPrimary(n.cluster().localNode(), "t-fail")).findFirst().orElseThrow();
                    }
                }
                assertThat(driverNode).as("caught a round while it settled, in 5 rounds").isNotNull();
                Ignite survivor = driverNode == observer ? grid.nodes().get(1) : observer;
                grid.kill(driverNode);
                RouletteTables after = new RouletteTables(survivor);
                TableRound settled = awaitStatus(after, "t-fail", round.roundNo(), RoundStatus.SETTLED);

                int number = settled.result();
                // Read by key (not by SQL) while partitions of the lost node are still being re-backed up.
                java.util.Set<io.croupier.roulette.TableBetKey> keys = new java.util.HashSet<>();
                for (long player : ids) {
                    for (int position = 0; position < BETS_PER_PLAYER; position++) {
                        keys.add(new io.croupier.roulette.TableBetKey("t-fail", round.roundNo(), player, betKey, position));
                    }
                }
                org.apache.ignite.IgniteCache<io.croupier.roulette.TableBetKey, TableBet> betCache =
                        survivor.cache(CacheSchema.TABLE_BET);
                List<TableBet> bets;
                // Lock the round row first: the settling transaction holds it until every bet row is written, and a
                // read outside a transaction could otherwise see the round settled but some bets not yet.
                try (org.apache.ignite.transactions.Transaction tx = survivor.transactions().txStart(
                        org.apache.ignite.transactions.TransactionConcurrency.PESSIMISTIC,
                        org.apache.ignite.transactions.TransactionIsolation.REPEATABLE_READ)) {
                    survivor.cache(CacheSchema.TABLE_ROUND).get(new io.croupier.roulette.TableRoundKey("t-fail",
                            round.roundNo()));
                    bets = new ArrayList<>(betCache.getAll(keys).values());
                    tx.commit();
                }
                assertThat(bets).hasSize(BETS_PER_PLAYER * ids.size());
                assertThat(bets).extracting(TableBet::settledAt).as("the resumed settlement's time, on every bet")
                        .containsOnly(settled.settledAt());
                assertThat(bets.stream().filter(b -> b.returned() != b.returnFor(number))
                        .map(b -> b.playerId() + ":" + b.kind() + ":" + b.selection() + ":" + b.status() + ":"
                                + b.returned() + "/" + b.returnFor(number)).toList())
                        .as("bets whose return differs from the rule, number %d", number).isEmpty();
                long winners = 0;
                for (long player : ids) {
                    long returned = bets.stream().filter(b -> b.playerId() == player).mapToLong(TableBet::returned).sum();
                    winners += returned > 0 ? 1 : 0;
                    assertThat(MoneyTables.sqlLong(survivor, "SELECT BALANCE FROM CROUPIER.WALLET WHERE PLAYER_ID = ?",
                            player)).as("player %d", player).isEqualTo(balanceBefore.get(player) - 100L * BETS_PER_PLAYER + returned);
                }
                assertThat(MoneyTables.sqlLong(survivor, "SELECT COUNT(*) FROM CROUPIER.TRANSFER WHERE IDEMPOTENCY_KEY = ?",
                        settleKey)).isEqualTo(winners);
                assertThat(MoneyTables.sqlLong(survivor, "SELECT COUNT(*) FROM CROUPIER.LEDGER L JOIN CROUPIER.TRANSFER T "
                        + "ON L.TRANSFER_ID = T.TRANSFER_ID WHERE T.IDEMPOTENCY_KEY = ?", settleKey)).isEqualTo(2 * winners);
                assertThat(LedgerAudit.run(survivor).isClean()).isTrue();
            }
        }
    }

    @Test
    void aRoundInterruptedLongerThanTheResumeWindowIsRefundedOnce() throws Exception {
        try (TestGrid grid = TestGrid.inMemory()) {
            Ignite node = grid.startServer();
            grid.startServer();
            RouletteTables tables = new RouletteTables(node);
            TableDriverSettings settings = new TableDriverSettings(100, 300, 100, 50);
            tables.deploy(List.of(table("t-ref", 1_500)), settings);
            try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
                Players players = new Players(node, Clock.systemUTC());
                long dan = MoneyTables.fundedPlayer(players, wallet, "dan", 10_000);
                long eve = MoneyTables.fundedPlayer(players, wallet, "eve", 10_000);
                TableRound round = awaitOpenRound(tables, "t-ref", 1_000);
                assertThat(tables.placeBets(dan, "t-ref", round.roundNo(), List.of(new BetSpec("RED", null, 700)),
                        "d-1").isOk()).isTrue();
                assertThat(tables.placeBets(dan, "t-ref", round.roundNo(), List.of(new BetSpec("STRAIGHT",
                        new int[] {3}, 50)), "d-2").isOk()).isTrue();
                assertThat(tables.placeBets(eve, "t-ref", round.roundNo(), List.of(new BetSpec("BLACK", null, 900)),
                        "e-1").isOk()).isTrue();
                // The table's driver stops while the round is open and stays away past the close + resume window.
                node.services().cancel("roulette-table-t-ref");
                assertThat(tables.round("t-ref", round.roundNo()).status()).isEqualTo(RoundStatus.OPEN);
                Thread.sleep(Math.max(0, round.closesAt().getTime() - System.currentTimeMillis()) + 600);

                tables.deploy(List.of(table("t-ref", 1_500)), settings);

                TableRound refunded = awaitStatus(tables, "t-ref", round.roundNo(), RoundStatus.REFUNDED);
                assertThat(refunded.seed()).as("no result was drawn").isNull();
                assertThat(wallet.wallet(dan).orElseThrow().balance()).isEqualTo(10_000);
                assertThat(wallet.wallet(eve).orElseThrow().balance()).isEqualTo(10_000);
                assertThat(tables.bets("t-ref", round.roundNo())).hasSize(3)
                        .allMatch(b -> b.status() == io.croupier.roulette.BetStatus.REFUNDED && b.returned() == b.stake());
                assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.TRANSFER WHERE KIND = 'VOID' "
                        + "AND PLAYER_ID IN (?, ?)", dan, eve)).isEqualTo(3);
                assertThat(LedgerAudit.run(node).isClean()).isTrue();
                // The table carries on with the next round.
                TestGrid.await(() -> tables.currentRound("t-ref").roundNo() > round.roundNo(), 10_000, "next round");
                assertThat(new io.croupier.game.GameHistory(node).lastTableBets(dan, 10)).hasSize(2)
                        .allMatch(b -> b.roundNo() == round.roundNo());
            }
        }
    }

    /** Six straight-ups, RED and ODD per player: whatever the number, many win, so settlement takes a while. */
    private static void placeSpreadBets(RouletteTables tables, List<Long> ids, long roundNo, String key)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ResultCode>> placed = new ArrayList<>();
        for (long player : ids) {
            List<BetSpec> bets = new ArrayList<>();
            for (int k = 0; k < STRAIGHTS_PER_PLAYER; k++) {
                bets.add(new BetSpec("STRAIGHT", new int[] {(int) ((player + k) % 37)}, 100));
            }
            bets.add(new BetSpec("RED", null, 100));
            bets.add(new BetSpec("ODD", null, 100));
            placed.add(pool.submit(() -> tables.placeBets(player, "t-fail", roundNo, bets, key).code()));
        }
        for (Future<ResultCode> f : placed) {
            assertThat(f.get()).isEqualTo(ResultCode.OK);
        }
        pool.shutdown();
    }
}
