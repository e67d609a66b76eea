package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.player.Players;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.PipelineSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterState;
import org.junit.jupiter.api.Test;

/** A persistent two-node cluster is stopped and started again on the same disk: the money is all still there. */
class PersistenceTest {
    private static final long ACTIVE_TIMEOUT_MS = 60_000;

    @Test
    void aRestartedPersistentClusterHasEveryWalletLedgerRowAndIdempotencyRecordItHadBefore() throws Exception {
        try (TestGrid grid = TestGrid.persistent(2)) {
            Ignite node = grid.startServer();
            grid.startServer();
            GridNodes.awaitActive(node, ACTIVE_TIMEOUT_MS);

            Players players = new Players(node, Clock.systemUTC());
            long[] ids = new long[20];
            Map<String, MoneyRequest> requests = new HashMap<>();
            Map<String, MoneyResult> results = new HashMap<>();
            try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = players.open("player-" + i, "EUR");
                    run(wallet, MoneyRequest.deposit(ids[i], "dep-0", "EUR", 100_000, "tok_0"), requests, results);
                }
                Random random = new Random(42);
                List<CompletableFuture<MoneyResult>> futures = new ArrayList<>();
                List<MoneyRequest> submitted = new ArrayList<>();
                for (int n = 0; n < 1_000; n++) {
                    long player = ids[random.nextInt(ids.length)];
                    String key = "op-" + n;
                    MoneyRequest r = switch (n % 5) {
                        case 0 -> MoneyRequest.bet(player, key, "EUR", 1 + random.nextInt(500), "round-" + n);
                        case 1 -> MoneyRequest.win(player, key, "EUR", 1 + random.nextInt(500), "round-" + n);
                        case 2 -> MoneyRequest.betAndWin(player, key, "EUR", 1 + random.nextInt(500),
                                random.nextInt(1_000), "round-" + n);
                        case 3 -> MoneyRequest.withdraw(player, key, "EUR", 1 + random.nextInt(500));
                        default -> MoneyRequest.deposit(player, key, "EUR", 1 + random.nextInt(500), "tok_" + n);
                    };
                    submitted.add(r);
                    futures.add(wallet.submit(r));
                }
                for (int i = 0; i < submitted.size(); i++) {
                    MoneyResult r = futures.get(i).get(60, TimeUnit.SECONDS);
                    assertThat(r.isOk()).as("%s: %s", submitted.get(i), r).isTrue();
                    requests.put(keyOf(submitted.get(i)), submitted.get(i));
                    results.put(keyOf(submitted.get(i)), r);
                }
                for (int i = 0; i < 5; i++) {
                    run(wallet, MoneyRequest.bet(ids[i], "to-void", "EUR", 50, "round-v"), requests, results);
                    run(wallet, MoneyRequest.voidBet(ids[i], "void", "to-void"), requests, results);
                }
            }
            MoneyTables before = MoneyTables.read(node);
            before.assertInvariants();
            assertThat(before.transfers).hasSize(requests.size());

            grid.stopAll();
            node = grid.startServer();
            grid.startServer();
            GridNodes.awaitActive(node, ACTIVE_TIMEOUT_MS);
            assertThat(node.cluster().state()).isEqualTo(ClusterState.ACTIVE);
            assertThat(node.cluster().currentBaselineTopology()).as("baseline after restart").hasSize(2);

            MoneyTables after = MoneyTables.read(node);
            assertThat(after.wallets).as("wallets after restart").isEqualTo(before.wallets);
            assertThat(after.players).as("players after restart").isEqualTo(before.players);
            assertThat(new HashSet<>(after.ledger)).as("ledger rows after restart")
                    .hasSize(before.ledger.size()).isEqualTo(new HashSet<>(before.ledger));
            assertThat(after.transfers).as("idempotency records after restart").isEqualTo(before.transfers);
            assertThat(after.ledgerSum()).isZero();
            after.assertInvariants();

            try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
                String op7 = requests.keySet().stream().filter(k -> k.endsWith("/op-7")).findFirst().orElseThrow();
                for (String key : List.of(keyOf(ids[0], "dep-0"), keyOf(ids[3], "void"), op7)) {
                    MoneyRequest old = requests.get(key);
                    MoneyResult replay = wallet.execute(old);
                    assertThat(replay.isOk() && replay.replayed()).as("replay of %s after restart: %s", old, replay)
                            .isTrue();
                    assertThat(replay.transferId()).isEqualTo(results.get(key).transferId());
                    assertThat(replay.balance()).isEqualTo(results.get(key).balance());
                }

                // Work goes on: a fresh operation applies, and new player ids do not collide with old ones.
                long balance = after.balance(ids[1]);
                MoneyResult fresh = wallet.execute(MoneyRequest.deposit(ids[1], "after-restart", "EUR", 10, "tok"));
                assertThat(fresh.isOk() && !fresh.replayed()).as("fresh deposit: %s", fresh).isTrue();
                assertThat(fresh.balance()).isEqualTo(balance + 10);
                long newcomer = new Players(node, Clock.systemUTC()).open("newcomer", "EUR");
                assertThat(before.players).doesNotContain(newcomer);
            }
            MoneyTables.read(node).assertInvariants();
        }
    }

    private static void run(GridWalletService wallet, MoneyRequest r, Map<String, MoneyRequest> requests,
                            Map<String, MoneyResult> results) {
        MoneyResult result = wallet.execute(r);
        assertThat(result.isOk()).as("%s: %s", r, result).isTrue();
        requests.put(keyOf(r), r);
        results.put(keyOf(r), result);
    }

    private static String keyOf(MoneyRequest r) {
        return keyOf(r.playerId(), r.idempotencyKey());
    }

    private static String keyOf(long playerId, String idempotencyKey) {
        return playerId + "/" + idempotencyKey;
    }
}
