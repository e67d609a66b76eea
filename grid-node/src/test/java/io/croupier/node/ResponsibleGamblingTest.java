package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.admin.AdminActions;
import io.croupier.cashier.Cashier;
import io.croupier.cashier.DevPaymentGateway;
import io.croupier.cashier.PaymentGateway;
import io.croupier.player.Players;
import io.croupier.rg.Exclusion;
import io.croupier.rg.LimitKind;
import io.croupier.rg.ResponsibleGambling;
import io.croupier.rg.RgResult;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.ResultCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Responsible-gambling limits and the cashier checks on two real server nodes, as GridNodes configures them: limits
 * set through {@link ResponsibleGambling} (a job on the player's node) are enforced in the money transaction, a refusal
 * moves nothing, and every intervention is an RG_EVENT row.
 */
class ResponsibleGamblingTest {
    private static final String GAME = "classic-fruits";
    private static final int DEPOSITS_PER_DAY_MAX = 4;
    private static TestGrid grid;
    private static Ignite node;
    private static GridWalletService wallet;
    private static Players players;
    private static ResponsibleGambling rg;
    private static Cashier cashier;
    private static AdminActions admin;
    /** Authorisations asked of the payment provider. */
    private static final AtomicInteger AUTHORISATIONS = new AtomicInteger();

    @BeforeAll
    static void startGrid() throws Exception {
        grid = new TestGrid(Map.of("croupier.games.slotsDirectory", SlotSpinTest.SLOTS.toString(),
                "croupier.risk.depositsPerDayMax", String.valueOf(DEPOSITS_PER_DAY_MAX),
                "croupier.risk.declinedDepositsMax", "3"));
        node = grid.startServer();
        grid.startServer();
        wallet = new GridWalletService(node, PipelineSettings.defaults());
        players = new Players(node, Clock.systemUTC());
        rg = new ResponsibleGambling(node);
        PaymentGateway dev = new DevPaymentGateway();
        PaymentGateway counting = (player, key, token, amount, currency) -> {
            AUTHORISATIONS.incrementAndGet();
            return dev.authorize(player, key, token, amount, currency);
        };
        cashier = new Cashier(node, wallet, counting, PipelineSettings.defaults().limits());
        admin = new AdminActions(node, Clock.systemUTC());
    }

    @AfterAll
    static void stopGrid() throws Exception {
        wallet.close();
        grid.close();
    }

    private static List<Long> writtenRows(long player) {
        return List.of(
                MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.TRANSFER WHERE PLAYER_ID = ?", player),
                MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ?", player));
    }

    private static long events(long player, String kind) {
        return MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.RG_EVENT WHERE PLAYER_ID = ? AND KIND = ?",
                player, kind);
    }

    private static ResultCode deposit(long player, String key, long amount) {
        return cashier.deposit(MoneyRequest.deposit(player, key, "EUR", amount, "tok_ok")).join().code();
    }

    @Test
    void aDepositOverTheDayLimitIsRefusedMovesNothingAndIsRecordedOncePerDay() {
        long player = players.open("rg-deposit", "EUR");
        RgResult set = rg.setLimit(player, LimitKind.DEPOSIT_DAY, 1_000L);
        assertThat(set.code()).isEqualTo(ResultCode.OK);
        assertThat(set.view().limits().limitAt(LimitKind.DEPOSIT_DAY, set.view().atMs())).isEqualTo(1_000L);

        assertThat(deposit(player, "d1", 600)).isEqualTo(ResultCode.OK);
        List<Long> rows = writtenRows(player);
        int authorisations = AUTHORISATIONS.get();
        assertThat(deposit(player, "d2", 401)).isEqualTo(ResultCode.DEPOSIT_LIMIT_EXCEEDED);
        assertThat(AUTHORISATIONS.get()).as("the provider is not asked for a refused deposit").isEqualTo(authorisations);
        assertThat(deposit(player, "d3", 500)).isEqualTo(ResultCode.DEPOSIT_LIMIT_EXCEEDED);
        // The money transaction refuses it too, not only the cashier's early look.
        assertThat(wallet.execute(MoneyRequest.deposit(player, "direct", "EUR", 500, "tok_ok")).code())
                .isEqualTo(ResultCode.DEPOSIT_LIMIT_EXCEEDED);
        assertThat(writtenRows(player)).isEqualTo(rows);
        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(600);
        assertThat(deposit(player, "d4", 400)).isEqualTo(ResultCode.OK);
        assertThat(rg.view(player).view().usedMinor(LimitKind.DEPOSIT_DAY)).isEqualTo(1_000);

        assertThat(events(player, "LIMIT_SET")).isEqualTo(1);
        assertThat(events(player, "LIMIT_REACHED")).isEqualTo(1);
    }

    @Test
    void raisingALimitIsPendingForADayWhileLoweringItAppliesAtOnce() {
        long player = players.open("rg-raise", "EUR");
        assertThat(rg.setLimit(player, LimitKind.DEPOSIT_WEEK, 500L).isOk()).isTrue();
        RgResult raised = rg.setLimit(player, LimitKind.DEPOSIT_WEEK, 5_000L);
        assertThat(raised.isOk()).isTrue();
        assertThat(raised.view().limits().limit(LimitKind.DEPOSIT_WEEK)).isEqualTo(500L);
        assertThat(raised.view().limits().pending(LimitKind.DEPOSIT_WEEK)).isEqualTo(5_000L);
        assertThat(raised.view().limits().pendingFrom(LimitKind.DEPOSIT_WEEK).getTime())
                .isEqualTo(raised.view().atMs() + 24 * 60 * 60 * 1_000L);
        assertThat(deposit(player, "w1", 501)).isEqualTo(ResultCode.DEPOSIT_LIMIT_EXCEEDED);
        assertThat(events(player, "LIMIT_INCREASE_PENDING")).isEqualTo(1);
        assertThat(MoneyTables.sqlLong(node, "SELECT DEPOSIT_WEEK_MAX FROM CROUPIER.RG_LIMIT WHERE PLAYER_ID = ?",
                player)).isEqualTo(500);
        assertThat(MoneyTables.sqlLong(node,
                "SELECT PENDING_DEPOSIT_WEEK_MAX FROM CROUPIER.RG_LIMIT WHERE PLAYER_ID = ?", player)).isEqualTo(5_000);

        assertThat(rg.setLimit(player, LimitKind.DEPOSIT_WEEK, 0L).code()).isEqualTo(ResultCode.INVALID_LIMIT);
        assertThat(rg.setLimit(player, LimitKind.DEPOSIT_WEEK, 100L).view().limits().pendingFrom(LimitKind.DEPOSIT_WEEK))
                .isNull();
        assertThat(deposit(player, "w2", 101)).isEqualTo(ResultCode.DEPOSIT_LIMIT_EXCEEDED);
        assertThat(deposit(player, "w3", 100)).isEqualTo(ResultCode.OK);
    }

    @Test
    void aStakeThatCouldPassTheLossLimitIsRefusedAndWinsCountAgainstTheLoss() {
        long player = players.open("rg-loss", "EUR");
        assertThat(deposit(player, "fund", 100_000)).isEqualTo(ResultCode.OK);
        assertThat(rg.setLimit(player, LimitKind.LOSS_DAY, 1_000L).isOk()).isTrue();
        assertThat(wallet.execute(MoneyRequest.bet(player, "b1", "EUR", 800, "r1")).code()).isEqualTo(ResultCode.OK);
        assertThat(wallet.execute(MoneyRequest.bet(player, "b2", "EUR", 201, "r2")).code())
                .isEqualTo(ResultCode.LOSS_LIMIT_EXCEEDED);
        assertThat(wallet.execute(MoneyRequest.spin(player, "s1", "EUR", 300, GAME)).code())
                .isEqualTo(ResultCode.LOSS_LIMIT_EXCEEDED);
        assertThat(wallet.execute(MoneyRequest.win(player, "w1", "EUR", 500, "r1")).code()).isEqualTo(ResultCode.OK);
        assertThat(rg.view(player).view().usedMinor(LimitKind.LOSS_DAY)).isEqualTo(300);
        assertThat(wallet.execute(MoneyRequest.bet(player, "b3", "EUR", 700, "r3")).code()).isEqualTo(ResultCode.OK);
        assertThat(wallet.execute(MoneyRequest.withdraw(player, "out", "EUR", 100)).code()).isEqualTo(ResultCode.OK);
        assertThat(events(player, "LIMIT_REACHED")).isEqualTo(1);
    }

    @Test
    void aSelfExcludedPlayerCanNeitherStakeNorDepositButCanWithdrawAndCannotShortenTheBreak() {
        long player = players.open("rg-excluded", "EUR");
        assertThat(deposit(player, "fund", 10_000)).isEqualTo(ResultCode.OK);
        RgResult excluded = rg.exclude(player, Exclusion.SELF_EXCLUSION_6M);
        assertThat(excluded.view().excluded()).isTrue();
        List<Long> rows = writtenRows(player);
        assertThat(wallet.execute(MoneyRequest.spin(player, "s1", "EUR", 100, GAME)).code())
                .isEqualTo(ResultCode.SELF_EXCLUDED);
        assertThat(deposit(player, "more", 100)).isEqualTo(ResultCode.SELF_EXCLUDED);
        assertThat(writtenRows(player)).isEqualTo(rows);
        assertThat(wallet.execute(MoneyRequest.withdraw(player, "out", "EUR", 10_000)).code()).isEqualTo(ResultCode.OK);

        RgResult shorter = rg.exclude(player, Exclusion.TIME_OUT_24H);
        assertThat(shorter.view().limits().exclusion()).isEqualTo(Exclusion.SELF_EXCLUSION_6M);
        assertThat(events(player, "SELF_EXCLUDED")).isEqualTo(1);
        assertThat(events(player, "TIME_OUT")).isZero();
    }

    @Test
    void declinedDepositsMoveNothingAndEnoughOfThemLockDepositsUntilAnAdministratorClearsTheLock() {
        long player = players.open("rg-declined", "EUR");
        for (int i = 0; i < 3; i++) {
            MoneyResult declined = cashier.deposit(MoneyRequest.deposit(player, "x" + i, "EUR", 100,
                    "tok_decline_card")).join();
            assertThat(declined.code()).isEqualTo(ResultCode.PAYMENT_DECLINED);
        }
        assertThat(writtenRows(player)).containsExactly(0L, 0L);
        assertThat(deposit(player, "good", 100)).isEqualTo(ResultCode.DEPOSITS_LOCKED);
        // The money transaction refuses it too, not only the cashier's early look.
        assertThat(wallet.execute(MoneyRequest.deposit(player, "direct", "EUR", 100, "tok_ok")).code())
                .isEqualTo(ResultCode.DEPOSITS_LOCKED);
        assertThat(rg.view(player).view().depositsLockedUntilMs()).isPositive();
        assertThat(events(player, "DEPOSITS_LOCKED")).isEqualTo(1);

        AdminActions.Outcome cleared = admin.clearDepositLock(player, "ops", "card replaced, checked", "clear-1");
        assertThat(cleared.isOk()).isTrue();
        assertThat(admin.clearDepositLock(player, "ops", "card replaced, checked", "clear-1").replayed()).isTrue();
        assertThat(deposit(player, "good", 100)).isEqualTo(ResultCode.OK);
        assertThat(events(player, "ADMIN_OVERRIDE")).isEqualTo(1);
    }

    @Test
    void depositsPerCalendarDayAreCappedWithVelocityExceeded() {
        long player = players.open("rg-many", "EUR");
        for (int i = 0; i < DEPOSITS_PER_DAY_MAX; i++) {
            assertThat(deposit(player, "m" + i, 10)).isEqualTo(ResultCode.OK);
        }
        assertThat(deposit(player, "one-more", 10)).isEqualTo(ResultCode.VELOCITY_EXCEEDED);
        assertThat(deposit(player, "m0", 10)).as("a replay is not a new deposit").isEqualTo(ResultCode.OK);
    }

    @Test
    void anAdministratorsLimitOverrideAppliesAtOnceAndIsAudited() {
        long player = players.open("rg-override", "EUR");
        assertThat(rg.setLimit(player, LimitKind.DEPOSIT_MONTH, 100L).isOk()).isTrue();
        AdminActions.Outcome raised = admin.overrideLimit(player, LimitKind.DEPOSIT_MONTH, 5_000L, "ops",
                "affordability checked", "lim-1");
        assertThat(raised.isOk()).isTrue();
        assertThat(raised.action().statusBefore()).isEqualTo("DEPOSIT_MONTH=100");
        assertThat(deposit(player, "big", 5_000)).isEqualTo(ResultCode.OK);
        assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.ADMIN_ACTION WHERE PLAYER_ID = ? "
                + "AND ACTION = 'LIMIT_OVERRIDE'", player)).isEqualTo(1);
        assertThat(events(player, "ADMIN_OVERRIDE")).isEqualTo(1);
        assertThat(admin.overrideLimit(player, LimitKind.DEPOSIT_MONTH, 7_000L, "ops", "again", "lim-1").code())
                .isEqualTo(ResultCode.OK);
        assertThat(rg.view(player).view().limits().limit(LimitKind.DEPOSIT_MONTH)).isEqualTo(5_000L);
    }
}
