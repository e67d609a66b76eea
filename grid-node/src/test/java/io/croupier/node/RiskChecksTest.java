package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.admin.AdminActions;
import io.croupier.audit.LedgerAudit;
import io.croupier.player.Players;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.ResultCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inline risk checks on real server nodes, as configured by GridNodes: account status set through the
 * administrators' block, the per-second stake limit and the stake-jump hold; a refusal moves nothing and writes
 * nothing.
 */
class RiskChecksTest {
    private static final int STAKES_PER_SECOND_MAX = 5;
    private static final long STAKE_MINOR = 100;
    private static TestGrid grid;
    private static Ignite node;
    private static GridWalletService wallet;
    private static Players players;
    private static AdminActions admin;

    @BeforeAll
    static void startGrid() throws Exception {
        grid = new TestGrid(Map.of("croupier.games.slotsDirectory", SlotSpinTest.SLOTS.toString(),
                "croupier.risk.stakesPerSecondMax", String.valueOf(STAKES_PER_SECOND_MAX),
                "croupier.risk.stakesPerMinuteMax", "1000",
                "croupier.risk.stakeJumpFactorMax", "10",
                "croupier.risk.stakeJumpHistoryStakesMin", "3"));
        node = grid.startServer();
        grid.startServer();
        wallet = new GridWalletService(node, PipelineSettings.defaults());
        players = new Players(node, Clock.systemUTC());
        admin = new AdminActions(node, Clock.systemUTC());
    }

    @AfterAll
    static void stopGrid() throws Exception {
        wallet.close();
        grid.close();
    }

    private static long fundedPlayer(String name, long amount) {
        return MoneyTables.fundedPlayer(players, wallet, name, amount);
    }

    /** Transfers, ledger rows and slot rounds of one player: what a refused operation must not add to. */
    private static List<Long> writtenRows(long player) {
        return List.of(
                MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.TRANSFER WHERE PLAYER_ID = ?", player),
                MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ?", player),
                MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.ROUND WHERE PLAYER_ID = ?", player));
    }

    @Test
    void aBlockedPlayersSpinWithdrawalAndDepositAreRefusedAndMoveNothingUntilUnblocked() {
        long player = fundedPlayer("risk-blocked", 10_000);
        assertThat(wallet.execute(MoneyRequest.spin(player, "before", "EUR", STAKE_MINOR, "classic-fruits")).isOk())
                .isTrue();
        long balance = wallet.wallet(player).orElseThrow().balance();
        List<Long> rows = writtenRows(player);

        assertThat(admin.setBlocked(player, true, "ops", "chargeback under review", "block-1").isOk()).isTrue();

        assertThat(wallet.execute(MoneyRequest.spin(player, "while-blocked", "EUR", STAKE_MINOR, "classic-fruits"))
                .code()).isEqualTo(ResultCode.RISK_BLOCKED);
        assertThat(wallet.execute(MoneyRequest.withdraw(player, "cash-out", "EUR", 1_000)).code())
                .isEqualTo(ResultCode.RISK_BLOCKED);
        assertThat(wallet.execute(MoneyRequest.deposit(player, "top-up", "EUR", 1_000, "tok_top_up")).code())
                .isEqualTo(ResultCode.RISK_BLOCKED);
        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(balance);
        assertThat(writtenRows(player)).isEqualTo(rows);

        assertThat(admin.setBlocked(player, false, "ops", "review cleared", "unblock-1").isOk()).isTrue();

        // The refused keys were never recorded, so the same keys now apply.
        MoneyResult spin = wallet.execute(MoneyRequest.spin(player, "while-blocked", "EUR", STAKE_MINOR,
                "classic-fruits"));
        assertThat(spin.code()).isEqualTo(ResultCode.OK);
        assertThat(spin.replayed()).isFalse();
        assertThat(wallet.execute(MoneyRequest.withdraw(player, "cash-out", "EUR", 1_000)).isOk()).isTrue();
        assertThat(wallet.wallet(player).orElseThrow().balance())
                .isEqualTo(balance - STAKE_MINOR + spin.round().win() - 1_000);
        assertThat(LedgerAudit.run(node).isClean()).isTrue();
    }

    @Test
    void aStakeFarAboveThePlayersAverageIsHeldAndMovesNothing() {
        long player = fundedPlayer("risk-jump", 10_000);
        for (int i = 0; i < 3; i++) {
            assertThat(wallet.execute(MoneyRequest.bet(player, "small-" + i, "EUR", 10, "round-" + i)).isOk()).isTrue();
        }
        long balance = wallet.wallet(player).orElseThrow().balance();
        List<Long> rows = writtenRows(player);

        assertThat(wallet.execute(MoneyRequest.bet(player, "big", "EUR", 101, "round-big")).code())
                .isEqualTo(ResultCode.RISK_HELD);
        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(balance);
        assertThat(writtenRows(player)).isEqualTo(rows);

        assertThat(wallet.execute(MoneyRequest.bet(player, "within", "EUR", 100, "round-within")).isOk()).isTrue();
        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(balance - 100);
        assertThat(LedgerAudit.run(node).isClean()).isTrue();
    }

    @Test
    void aBurstAboveThePerSecondLimitIsRefusedWithVelocityExceededAndTheLedgerStaysBalanced() throws Exception {
        int burst = 40;
        long deposit = 100_000;
        long player = fundedPlayer("risk-burst", deposit);
        List<CompletableFuture<MoneyResult>> futures = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            futures.add(wallet.submit(MoneyRequest.spin(player, "burst-" + i, "EUR", STAKE_MINOR, "classic-fruits")));
        }
        int applied = 0;
        int refused = 0;
        long expectedBalance = deposit;
        for (CompletableFuture<MoneyResult> f : futures) {
            MoneyResult r = f.get();
            assertThat(r.code()).isIn(ResultCode.OK, ResultCode.VELOCITY_EXCEEDED);
            if (r.isOk()) {
                applied++;
                expectedBalance += r.round().win() - STAKE_MINOR;
            } else {
                refused++;
            }
        }

        assertThat(refused).isPositive();
        assertThat(applied).isBetween(1, burst - 1);
        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(expectedBalance);
        // A deposit plus one transfer, two ledger rows per leg and one round per applied spin; nothing for refusals.
        List<Long> rows = writtenRows(player);
        assertThat(rows.get(0)).isEqualTo(1 + applied);
        assertThat(rows.get(2)).isEqualTo(applied);
        assertThat(LedgerAudit.run(node).isClean()).isTrue();

        // The limit is per clock second: the next second takes stakes again.
        Thread.sleep(1_100);
        assertThat(wallet.execute(MoneyRequest.spin(player, "next-second", "EUR", STAKE_MINOR, "classic-fruits"))
                .code()).isEqualTo(ResultCode.OK);
    }
}
