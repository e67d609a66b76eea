package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.audit.AuditReport;
import io.croupier.audit.LedgerAudit;
import io.croupier.player.Players;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.ResultCode;
import java.time.Clock;
import java.util.List;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each money operation, its postings and its rejections, on a two-node grid with backups. */
class WalletOperationsTest {
    private static TestGrid grid;
    private static Ignite node;
    private static GridWalletService wallet;
    private static Players players;

    @BeforeAll
    static void startGrid() throws Exception {
        grid = TestGrid.inMemory();
        node = grid.startServer();
        grid.startServer();
        wallet = new GridWalletService(node, PipelineSettings.defaults());
        players = new Players(node, Clock.systemUTC());
    }

    @AfterAll
    static void stopGrid() throws Exception {
        wallet.close();
        grid.close();
    }

    @Test
    void depositBetWinWithdrawMoveTheBalanceAndPostBalancedLedgerRows() {
        long player = players.open("alice", "EUR");
        assertThat(ok(MoneyRequest.deposit(player, "dep-1", "EUR", 10_000, "tok_visa_abc")).balance()).isEqualTo(10_000);
        assertThat(ok(MoneyRequest.bet(player, "bet-1", "EUR", 2_500, "round-1")).balance()).isEqualTo(7_500);
        assertThat(ok(MoneyRequest.win(player, "win-1", "EUR", 5_000, "round-1")).balance()).isEqualTo(12_500);
        assertThat(ok(MoneyRequest.betAndWin(player, "spin-1", "EUR", 100, 0, "round-2")).balance()).isEqualTo(12_400);
        assertThat(ok(MoneyRequest.betAndWin(player, "spin-2", "EUR", 100, 300, "round-3")).balance()).isEqualTo(12_600);
        assertThat(ok(MoneyRequest.withdraw(player, "wd-1", "EUR", 600)).balance()).isEqualTo(12_000);

        assertThat(sqlLong("SELECT BALANCE FROM CROUPIER.WALLET WHERE PLAYER_ID = ?", player)).isEqualTo(12_000);
        assertThat(sqlLong("SELECT SUM(AMOUNT) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ? AND ACCOUNT = 'WALLET'",
                player)).isEqualTo(12_000);
        assertThat(sqlLong("SELECT SUM(AMOUNT) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ?", player)).isZero();
        assertThat(sqlLong("SELECT COUNT(*) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ?", player)).isEqualTo(14);
        assertThat(sqlLong("SELECT -SUM(AMOUNT) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ? AND ACCOUNT = 'HOUSE_CASHIER'",
                player)).isEqualTo(9_400);
        assertThat(LedgerAudit.run(node).isClean()).isTrue();
    }

    @Test
    void aReplayReturnsTheFirstResultAndMovesNothing() {
        long player = players.open("bob", "EUR");
        MoneyResult first = ok(MoneyRequest.deposit(player, "dep-1", "EUR", 1_000, "tok_1"));
        ok(MoneyRequest.bet(player, "bet-1", "EUR", 300, "r1"));
        MoneyResult replay = ok(MoneyRequest.deposit(player, "dep-1", "EUR", 1_000, "tok_1"));

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.transferId()).isEqualTo(first.transferId());
        assertThat(replay.balance()).isEqualTo(1_000);
        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(700);
        assertThat(reject(MoneyRequest.deposit(player, "dep-1", "EUR", 2_000, "tok_1")))
                .isEqualTo(ResultCode.DUPLICATE_KEY_DIFFERENT_REQUEST);
        assertThat(reject(MoneyRequest.withdraw(player, "dep-1", "EUR", 1_000)))
                .isEqualTo(ResultCode.DUPLICATE_KEY_DIFFERENT_REQUEST);
        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(700);
    }

    @Test
    void aBetIsVoidedExactlyOnce() {
        long player = players.open("carol", "EUR");
        ok(MoneyRequest.deposit(player, "dep", "EUR", 1_000, "tok_1"));
        ok(MoneyRequest.bet(player, "bet-1", "EUR", 400, "r1"));
        assertThat(ok(MoneyRequest.voidBet(player, "void-1", "bet-1")).balance()).isEqualTo(1_000);
        assertThat(ok(MoneyRequest.voidBet(player, "void-1", "bet-1")).replayed()).isTrue();
        assertThat(reject(MoneyRequest.voidBet(player, "void-2", "bet-1"))).isEqualTo(ResultCode.ALREADY_VOIDED);
        assertThat(reject(MoneyRequest.voidBet(player, "void-3", "no-such-bet"))).isEqualTo(ResultCode.UNKNOWN_BET);
        assertThat(reject(MoneyRequest.voidBet(player, "void-4", "dep"))).isEqualTo(ResultCode.UNKNOWN_BET);
        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(1_000);
        assertThat(sqlLong("SELECT COUNT(*) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ? AND KIND = 'VOID'", player))
                .isEqualTo(2);
    }

    @Test
    void badRequestsAreRejectedWithTypedCodesAndWriteNothing() {
        long player = players.open("dave", "EUR");
        ok(MoneyRequest.deposit(player, "dep", "EUR", 1_000, "tok_1"));
        long rowsBefore = sqlLong("SELECT COUNT(*) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ?", player);

        assertThat(reject(MoneyRequest.bet(player, "b1", "EUR", 1_001, "r"))).isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
        assertThat(reject(MoneyRequest.withdraw(player, "w1", "EUR", 5_000))).isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
        assertThat(reject(MoneyRequest.betAndWin(player, "s1", "EUR", 1_001, 5_000, "r")))
                .as("a stake must be covered before its win").isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
        assertThat(reject(MoneyRequest.bet(player, "b2", "EUR", 0, "r"))).isEqualTo(ResultCode.INVALID_AMOUNT);
        assertThat(reject(MoneyRequest.bet(player, "b3", "EUR", -5, "r"))).isEqualTo(ResultCode.INVALID_AMOUNT);
        assertThat(reject(MoneyRequest.deposit(player, "d2", "EUR", Long.MAX_VALUE, "tok")))
                .isEqualTo(ResultCode.INVALID_AMOUNT);
        assertThat(reject(MoneyRequest.bet(player, "b4", "USD", 10, "r"))).isEqualTo(ResultCode.CURRENCY_MISMATCH);
        assertThat(reject(MoneyRequest.bet(player, "b5", "EURO", 10, "r"))).isEqualTo(ResultCode.INVALID_CURRENCY);
        assertThat(reject(MoneyRequest.bet(999_999_999L, "b6", "EUR", 10, "r"))).isEqualTo(ResultCode.UNKNOWN_PLAYER);
        assertThat(reject(MoneyRequest.bet(-1, "b6", "EUR", 10, "r"))).isEqualTo(ResultCode.UNKNOWN_PLAYER);
        assertThat(reject(MoneyRequest.bet(player, "x".repeat(65), "EUR", 10, "r")))
                .isEqualTo(ResultCode.INVALID_IDEMPOTENCY_KEY);
        assertThat(reject(MoneyRequest.bet(player, "has space", "EUR", 10, "r")))
                .isEqualTo(ResultCode.INVALID_IDEMPOTENCY_KEY);
        assertThat(reject(MoneyRequest.bet(player, null, "EUR", 10, "r"))).isEqualTo(ResultCode.INVALID_IDEMPOTENCY_KEY);
        assertThat(reject(MoneyRequest.deposit(player, "d3", "EUR", 10, "4111 1111 1111 1111")))
                .as("card numbers never reach the ledger").isEqualTo(ResultCode.INVALID_PAYMENT_TOKEN);
        assertThat(reject(MoneyRequest.deposit(player, "d4", "EUR", 10, null))).isEqualTo(ResultCode.INVALID_PAYMENT_TOKEN);
        assertThat(reject(MoneyRequest.bet(player, "b7", "EUR", 10, "r".repeat(129))))
                .isEqualTo(ResultCode.INVALID_REFERENCE);

        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(1_000);
        assertThat(sqlLong("SELECT COUNT(*) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ?", player)).isEqualTo(rowsBefore);
        assertThat(sqlLong("SELECT COUNT(*) FROM CROUPIER.TRANSFER WHERE PLAYER_ID = ?", player)).isEqualTo(1);
        // A rejected key was never recorded, so it can be used again.
        assertThat(ok(MoneyRequest.bet(player, "b1", "EUR", 1_000, "r")).balance()).isZero();
    }

    @Test
    void aWalletCannotGrowPastItsLimit() {
        long player = players.open("erin", "EUR");
        ok(MoneyRequest.deposit(player, "d1", "EUR", 1_000_000_000_000L, "tok"));
        for (int i = 2; i <= 100; i++) {
            ok(MoneyRequest.deposit(player, "d" + i, "EUR", 1_000_000_000_000L, "tok"));
        }
        assertThat(reject(MoneyRequest.deposit(player, "d101", "EUR", 1, "tok")))
                .isEqualTo(ResultCode.BALANCE_LIMIT_EXCEEDED);
        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(100_000_000_000_000L);
    }

    private static MoneyResult ok(MoneyRequest r) {
        MoneyResult result = wallet.execute(r);
        assertThat(result.code()).as("%s", r).isEqualTo(ResultCode.OK);
        return result;
    }

    private static ResultCode reject(MoneyRequest r) {
        MoneyResult result = wallet.execute(r);
        assertThat(result.code()).as("%s", r).isNotEqualTo(ResultCode.OK);
        return result.code();
    }

    static long sqlLong(String sql, Object... args) {
        List<List<?>> rows = node.cache("wallet").query(new SqlFieldsQuery(sql).setArgs(args)).getAll();
        Object v = rows.get(0).get(0);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
