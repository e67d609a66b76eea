package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.audit.LedgerAudit;
import io.croupier.fair.FairRandom;
import io.croupier.fair.RevealedSeed;
import io.croupier.fair.Seeds;
import io.croupier.game.Fairness;
import io.croupier.game.GameHistory;
import io.croupier.game.SeedResult;
import io.croupier.player.Players;
import io.croupier.slots.SlotCatalog;
import io.croupier.slots.SlotDefinition;
import io.croupier.slots.SlotDefinitions;
import io.croupier.slots.SlotEngine;
import io.croupier.slots.SlotOutcome;
import io.croupier.slots.SlotRound;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.ResultCode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slot spins as colocated money transactions: round records, seeds and nonces, replays, recall and verification. */
class SlotSpinTest {
    static final Path SLOTS = Path.of("../config/slots").toAbsolutePath().normalize();
    private static TestGrid grid;
    private static Ignite node;
    private static GridWalletService wallet;
    private static Players players;
    private static Fairness fairness;

    @BeforeAll
    static void startGrid() throws Exception {
        Map<String, String> settings = new HashMap<>(TestGrid.NO_STAKE_VELOCITY_LIMIT);
        settings.put("croupier.games.slotsDirectory", SLOTS.toString());
        grid = new TestGrid(settings);
        node = grid.startServer();
        grid.startServer();
        wallet = new GridWalletService(node, PipelineSettings.defaults());
        players = new Players(node, Clock.systemUTC());
        fairness = new Fairness(node);
    }

    @AfterAll
    static void stopGrid() throws Exception {
        wallet.close();
        grid.close();
    }

    private static long fundedPlayer(String name, long amount) {
        long player = players.open(name, "EUR");
        assertThat(wallet.execute(MoneyRequest.deposit(player, "dep", "EUR", amount, "tok_" + name)).isOk()).isTrue();
        return player;
    }

    @Test
    void aSpinDebitsTheStakeCreditsTheWinAndRecordsAReplayableRound() {
        long player = fundedPlayer("spinner", 100_000);
        String commitment = fairness.current(player).seeds().serverSeedHash();

        MoneyResult spin = wallet.execute(MoneyRequest.spin(player, "spin-1", "EUR", 200, "classic-fruits"));

        assertThat(spin.code()).isEqualTo(ResultCode.OK);
        SlotRound round = spin.round();
        assertThat(round.roundId()).isEqualTo(spin.transferId());
        assertThat(round.balanceBefore()).isEqualTo(100_000);
        assertThat(round.balanceAfter()).isEqualTo(100_000 - 200 + round.win()).isEqualTo(spin.balance());
        assertThat(round.serverSeedHash()).isEqualTo(commitment);
        assertThat(round.nonce()).isZero();
        assertThat(fairness.current(player).seeds().nextNonce()).isEqualTo(1);
        long expectedRows = round.win() > 0 ? 4 : 2;
        assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.LEDGER WHERE TRANSFER_ID = ?",
                round.roundId())).isEqualTo(expectedRows);
        assertThat(MoneyTables.sqlLong(node, "SELECT WIN FROM CROUPIER.ROUND WHERE ROUND_ID = ?", round.roundId()))
                .isEqualTo(round.win());

        MoneyResult replay = wallet.execute(MoneyRequest.spin(player, "spin-1", "EUR", 200, "classic-fruits"));
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.round().stops()).isEqualTo(round.stops());
        assertThat(replay.balance()).isEqualTo(spin.balance());
        assertThat(fairness.current(player).seeds().nextNonce()).isEqualTo(1);
        assertThat(LedgerAudit.run(node).isClean()).isTrue();
    }

    @Test
    void rejectedSpinsMoveNothingAndConsumeNoNonce() {
        long player = fundedPlayer("rejected", 50);
        assertThat(wallet.execute(MoneyRequest.spin(player, "s1", "EUR", 100, "no-such-game")).code())
                .isEqualTo(ResultCode.UNKNOWN_GAME);
        assertThat(wallet.execute(MoneyRequest.spin(player, "s2", "EUR", 15, "classic-fruits")).code())
                .isEqualTo(ResultCode.INVALID_STAKE);
        assertThat(wallet.execute(MoneyRequest.spin(player, "s3", "EUR", 1_000_000, "classic-fruits")).code())
                .isEqualTo(ResultCode.INVALID_STAKE);
        assertThat(wallet.execute(MoneyRequest.spin(player, "s4", "EUR", 100, "classic-fruits")).code())
                .isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
        assertThat(wallet.execute(MoneyRequest.spin(player, "s5", "USD", 10, "classic-fruits")).code())
                .isEqualTo(ResultCode.CURRENCY_MISMATCH);
        assertThat(wallet.execute(MoneyRequest.spin(player, "s6", "EUR", -10, "classic-fruits")).code())
                .isEqualTo(ResultCode.INVALID_AMOUNT);
        assertThat(wallet.execute(MoneyRequest.spin(999_999_999L, "s7", "EUR", 10, "classic-fruits")).code())
                .isEqualTo(ResultCode.UNKNOWN_PLAYER);
        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(50);
        assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.ROUND WHERE PLAYER_ID = ?", player))
                .isZero();
        assertThat(fairness.current(player).seeds().nextNonce()).isZero();
        assertThat(fairness.setClientSeed(player, "x".repeat(65)).code()).isEqualTo(ResultCode.INVALID_CLIENT_SEED);
        assertThat(fairness.setClientSeed(player, "has:colon").code()).isEqualTo(ResultCode.INVALID_CLIENT_SEED);
        assertThat(fairness.setClientSeed(999_999_999L, "fine").code()).isEqualTo(ResultCode.UNKNOWN_PLAYER);
    }

    @Test
    void concurrentSpinsOfOnePlayerUseUniqueConsecutiveNonces() throws Exception {
        long player = fundedPlayer("busy", 10_000_000);
        int threads = 6;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<MoneyResult>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<CompletableFuture<MoneyResult>> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    String game = i % 2 == 0 ? "classic-fruits" : "dragon-gold";
                    mine.add(wallet.submit(MoneyRequest.spin(player, "c-" + thread + "-" + i, "EUR", 100, game)));
                }
                return mine.stream().map(CompletableFuture::join).toList();
            }));
        }
        List<Long> nonces = new ArrayList<>();
        for (Future<List<MoneyResult>> f : futures) {
            for (MoneyResult r : f.get()) {
                assertThat(r.code()).isEqualTo(ResultCode.OK);
                nonces.add(r.round().nonce());
            }
        }
        pool.shutdown();
        assertThat(nonces).doesNotHaveDuplicates().hasSize(threads * perThread);
        assertThat(nonces.stream().mapToLong(Long::longValue).min().orElseThrow()).isZero();
        assertThat(nonces.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(threads * perThread - 1);
        assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.ROUND WHERE PLAYER_ID = ?", player))
                .isEqualTo(threads * perThread);
        long balance = wallet.wallet(player).orElseThrow().balance();
        assertThat(MoneyTables.sqlLong(node, "SELECT SUM(WIN) - SUM(STAKE) FROM CROUPIER.ROUND WHERE PLAYER_ID = ?",
                player)).isEqualTo(balance - 10_000_000);
        assertThat(LedgerAudit.run(node).isClean()).isTrue();
    }

    @Test
    void rotatingRevealsTheSeedAndEveryRoundRecomputesFromIt() {
        long player = fundedPlayer("verifier", 1_000_000);
        assertThat(fairness.setClientSeed(player, "my-lucky-seed").isOk()).isTrue();
        String commitment = fairness.current(player).seeds().serverSeedHash();
        for (int i = 0; i < 30; i++) {
            assertThat(wallet.execute(MoneyRequest.spin(player, "v-" + i, "EUR", 100,
                    i % 3 == 0 ? "dragon-gold" : "classic-fruits")).isOk()).isTrue();
        }
        assertThat(fairness.revealed(player, commitment)).as("not revealed while in play").isNull();

        SeedResult rotated = fairness.rotate(player);

        assertThat(rotated.seeds().revealedServerSeedHash()).isEqualTo(commitment);
        assertThat(Seeds.commitment(Seeds.fromHex(rotated.seeds().revealedServerSeed()))).isEqualTo(commitment);
        assertThat(rotated.seeds().revealedNoncesUsed()).isEqualTo(30);
        assertThat(rotated.seeds().serverSeedHash()).isNotEqualTo(commitment);
        assertThat(rotated.seeds().nextNonce()).isZero();
        assertThat(rotated.seeds().clientSeed()).isEqualTo("my-lucky-seed");
        RevealedSeed revealed = fairness.revealed(player, commitment);
        assertThat(revealed.serverSeed()).isEqualTo(rotated.seeds().revealedServerSeed());

        SlotCatalog catalog = SlotCatalog.loadDirectory(SLOTS);
        List<SlotRound> history = new GameHistory(node).lastSlotRounds(player, 50);
        assertThat(history).hasSize(30);
        assertThat(history.get(0).nonce()).isEqualTo(29);
        for (SlotRound round : history) {
            SlotDefinition game = catalog.game(round.game());
            SlotOutcome replayed = SlotEngine.spin(game, new FairRandom(Seeds.fromHex(revealed.serverSeed()),
                    round.clientSeed(), round.nonce()), round.stake());
            assertThat(SlotCatalog.stopsText(replayed.stops())).isEqualTo(round.stops());
            assertThat(replayed.totalWin()).isEqualTo(round.win());
            assertThat(round.serverSeedHash()).isEqualTo(commitment);
            assertThat(round.clientSeed()).isEqualTo("my-lucky-seed");
        }
        assertThat(wallet.execute(MoneyRequest.spin(player, "after-rotation", "EUR", 100, "classic-fruits"))
                .round().serverSeedHash()).isEqualTo(rotated.seeds().serverSeedHash());
    }

    @Test
    void historyIsNewestFirstAndLimited() {
        long player = fundedPlayer("historian", 100_000);
        for (int i = 0; i < 12; i++) {
            assertThat(wallet.execute(MoneyRequest.spin(player, "h-" + i, "EUR", 50, "classic-fruits")).isOk()).isTrue();
        }
        List<SlotRound> last5 = new GameHistory(node).lastSlotRounds(player, 5);
        assertThat(last5).extracting(SlotRound::nonce).containsExactly(11L, 10L, 9L, 8L, 7L);
        assertThat(last5.get(0).balanceAfter()).isEqualTo(wallet.wallet(player).orElseThrow().balance());
        assertThat(last5.get(1).balanceAfter()).isEqualTo(last5.get(0).balanceBefore());
    }
}
