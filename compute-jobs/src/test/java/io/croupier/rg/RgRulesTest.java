package io.croupier.rg;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.ResultCode;
import org.junit.jupiter.api.Test;

/** Each responsible-gambling and cashier rule, allowing and refusing, as a pure function over facts (no grid). */
class RgRulesTest {
    private static final long PLAYER = 7;
    /** 2023-11-14 (a Tuesday) 22:13:20 UTC. */
    private static final long NOW_MS = 1_700_000_000_000L;
    private static final long MINUTE_MS = 60_000;
    private static final long DAY_MS = 24 * 60 * MINUTE_MS;
    private static final CashierSettings SETTINGS = new CashierSettings(3, 5, 10 * MINUTE_MS);

    private static final MoneyRequest SPIN = MoneyRequest.spin(PLAYER, "s", "EUR", 100, "classic-fruits");
    private static final MoneyRequest BET = MoneyRequest.bet(PLAYER, "b", "EUR", 100, "round-1");
    private static final MoneyRequest WIN = MoneyRequest.win(PLAYER, "w", "EUR", 100, "round-1");
    private static final MoneyRequest DEPOSIT = MoneyRequest.deposit(PLAYER, "d", "EUR", 100, "tok");
    private static final MoneyRequest WITHDRAW = MoneyRequest.withdraw(PLAYER, "x", "EUR", 100);

    private static RgFacts facts(MoneyRequest r, RgLimits limits, PlayerTally tally, long nowMs) {
        return new RgFacts(r, limits, tally, nowMs, SETTINGS);
    }

    private static RgFacts plain(MoneyRequest r) {
        return facts(r, RgLimits.NONE, PlayerTally.NONE, NOW_MS);
    }

    private static RgLimits limit(LimitKind kind, long amount) {
        return RgLimits.NONE.requested(kind, amount, NOW_MS - DAY_MS * 30).limits();
    }

    private static PlayerTally declined(int count, long firstMs, long stepMs) {
        PlayerTally t = PlayerTally.NONE;
        for (int i = 0; i < count; i++) {
            t = t.afterDeclinedDeposit(firstMs + i * stepMs);
        }
        return t;
    }

    @Test
    void aPlayerWithoutLimitsMayDoEverything() {
        for (MoneyRequest r : new MoneyRequest[] {SPIN, BET, WIN, DEPOSIT, WITHDRAW}) {
            assertThat(RgRules.firstRejection(plain(r))).as(r.toString()).isNull();
        }
    }

    @Test
    void anExcludedPlayerMayNotStakeOrDepositButMayWithdrawAndIsPaidWins() {
        RgLimits excluded = RgLimits.NONE.excluded(Exclusion.TIME_OUT_24H, NOW_MS - MINUTE_MS);
        for (MoneyRequest r : new MoneyRequest[] {SPIN, BET, DEPOSIT}) {
            assertThat(RgRules.excluded(facts(r, excluded, PlayerTally.NONE, NOW_MS))).as(r.toString())
                    .isEqualTo(RgRejection.EXCLUDED);
        }
        assertThat(RgRules.excluded(facts(WITHDRAW, excluded, PlayerTally.NONE, NOW_MS))).isNull();
        assertThat(RgRules.excluded(facts(WIN, excluded, PlayerTally.NONE, NOW_MS))).isNull();
        assertThat(RgRejection.EXCLUDED.code()).isEqualTo(ResultCode.SELF_EXCLUDED);
    }

    @Test
    void aTimeOutEndsByItselfAndAPermanentSelfExclusionNever() {
        RgLimits timeOut = RgLimits.NONE.excluded(Exclusion.TIME_OUT_24H, NOW_MS);
        assertThat(RgRules.excluded(facts(SPIN, timeOut, PlayerTally.NONE, NOW_MS + DAY_MS - 1))).isNotNull();
        assertThat(RgRules.excluded(facts(SPIN, timeOut, PlayerTally.NONE, NOW_MS + DAY_MS))).isNull();
        RgLimits forGood = RgLimits.NONE.excluded(Exclusion.SELF_EXCLUSION_PERMANENT, NOW_MS);
        assertThat(RgRules.excluded(facts(SPIN, forGood, PlayerTally.NONE, NOW_MS + 100 * 365 * DAY_MS)))
                .isEqualTo(RgRejection.EXCLUDED);
    }

    @Test
    void depositsAreLockedAfterFiveDeclinesWithinTheWindowUntilTheOldestLeavesIt() {
        PlayerTally four = declined(4, NOW_MS - 4 * MINUTE_MS, MINUTE_MS);
        assertThat(RgRules.depositsLocked(facts(DEPOSIT, RgLimits.NONE, four, NOW_MS))).isNull();
        PlayerTally five = four.afterDeclinedDeposit(NOW_MS);
        assertThat(RgRules.depositsLocked(facts(DEPOSIT, RgLimits.NONE, five, NOW_MS)))
                .isEqualTo(RgRejection.DEPOSITS_LOCKED);
        assertThat(RgRules.depositsLocked(facts(SPIN, RgLimits.NONE, five, NOW_MS))).isNull();
        long oldest = NOW_MS - 4 * MINUTE_MS;
        assertThat(five.depositsLockedUntilAt(NOW_MS, 5, 10 * MINUTE_MS)).isEqualTo(oldest + 10 * MINUTE_MS);
        assertThat(RgRules.depositsLocked(facts(DEPOSIT, RgLimits.NONE, five, oldest + 10 * MINUTE_MS - 1)))
                .isNotNull();
        assertThat(RgRules.depositsLocked(facts(DEPOSIT, RgLimits.NONE, five, oldest + 10 * MINUTE_MS))).isNull();
        assertThat(RgRules.depositsLocked(facts(DEPOSIT, RgLimits.NONE, five.withoutDeclinedDeposits(), NOW_MS)))
                .isNull();
    }

    @Test
    void fiveDeclinesSpreadWiderThanTheWindowDoNotLock() {
        PlayerTally spread = declined(5, NOW_MS - 12 * MINUTE_MS, 3 * MINUTE_MS);
        assertThat(RgRules.depositsLocked(facts(DEPOSIT, RgLimits.NONE, spread, NOW_MS))).isNull();
    }

    @Test
    void depositsPerCalendarDayAreCountedAndTheCountStartsAgainAtMidnightUtc() {
        PlayerTally t = PlayerTally.NONE;
        for (int i = 0; i < 3; i++) {
            assertThat(RgRules.depositsPerDay(facts(DEPOSIT, RgLimits.NONE, t, NOW_MS))).isNull();
            t = t.afterDeposit(NOW_MS, 100);
        }
        assertThat(RgRules.depositsPerDay(facts(DEPOSIT, RgLimits.NONE, t, NOW_MS)))
                .isEqualTo(RgRejection.DEPOSITS_PER_DAY);
        assertThat(RgRejection.DEPOSITS_PER_DAY.code()).isEqualTo(ResultCode.VELOCITY_EXCEEDED);
        long nextMidnight = (NOW_MS / DAY_MS + 1) * DAY_MS;
        assertThat(RgRules.depositsPerDay(facts(DEPOSIT, RgLimits.NONE, t, nextMidnight))).isNull();
        assertThat(RgRules.depositsPerDay(facts(SPIN, RgLimits.NONE, t, NOW_MS))).isNull();
    }

    @Test
    void aDepositOverADayWeekOrMonthLimitIsRefusedAndOneUpToItIsNot() {
        PlayerTally deposited = PlayerTally.NONE.afterDeposit(NOW_MS, 400);
        for (LimitKind k : new LimitKind[] {LimitKind.DEPOSIT_DAY, LimitKind.DEPOSIT_WEEK, LimitKind.DEPOSIT_MONTH}) {
            assertThat(RgRules.depositLimit(facts(DEPOSIT, limit(k, 500), deposited, NOW_MS))).as(k.name()).isNull();
            assertThat(RgRules.depositLimit(facts(DEPOSIT, limit(k, 499), deposited, NOW_MS))).as(k.name())
                    .isEqualTo(RgRejection.DEPOSIT_LIMIT);
            assertThat(RgRules.depositLimitPassed(facts(DEPOSIT, limit(k, 499), deposited, NOW_MS))).isEqualTo(k);
        }
        assertThat(RgRules.depositLimit(facts(WITHDRAW, limit(LimitKind.DEPOSIT_DAY, 1), deposited, NOW_MS))).isNull();
    }

    @Test
    void aWeekLimitCountsTheWholeCalendarWeekAndAMonthLimitTheWholeMonth() {
        // NOW is a Tuesday: Monday's deposit counts for the week, last Sunday's does not.
        PlayerTally monday = PlayerTally.NONE.afterDeposit(NOW_MS - DAY_MS, 400);
        assertThat(RgRules.depositLimit(facts(DEPOSIT, limit(LimitKind.DEPOSIT_WEEK, 450), monday, NOW_MS)))
                .isEqualTo(RgRejection.DEPOSIT_LIMIT);
        PlayerTally sunday = PlayerTally.NONE.afterDeposit(NOW_MS - 2 * DAY_MS, 400);
        assertThat(RgRules.depositLimit(facts(DEPOSIT, limit(LimitKind.DEPOSIT_WEEK, 450), sunday, NOW_MS))).isNull();
        assertThat(RgRules.depositLimit(facts(DEPOSIT, limit(LimitKind.DEPOSIT_MONTH, 450), sunday, NOW_MS)))
                .isEqualTo(RgRejection.DEPOSIT_LIMIT);
        assertThat(RgRules.depositLimit(facts(DEPOSIT, limit(LimitKind.DEPOSIT_MONTH, 450), sunday,
                NOW_MS + 20 * DAY_MS))).isNull();
    }

    @Test
    void aStakeThatCouldTakeTheDaysNetLossOverTheLossLimitIsRefused() {
        RgLimits lossLimit = limit(LimitKind.LOSS_DAY, 1_000);
        PlayerTally lost900 = PlayerTally.NONE.afterPlay(NOW_MS, 900);
        assertThat(RgRules.lossLimit(facts(SPIN, lossLimit, lost900, NOW_MS))).isNull();
        PlayerTally lost901 = lost900.afterPlay(NOW_MS, 1);
        assertThat(RgRules.lossLimit(facts(SPIN, lossLimit, lost901, NOW_MS))).isEqualTo(RgRejection.LOSS_LIMIT);
        assertThat(RgRules.lossLimit(facts(BET, lossLimit, lost901, NOW_MS))).isEqualTo(RgRejection.LOSS_LIMIT);
        // Wins bring the net loss down again; a new day starts from zero.
        assertThat(RgRules.lossLimit(facts(SPIN, lossLimit, lost901.afterPlay(NOW_MS, -500), NOW_MS))).isNull();
        assertThat(RgRules.lossLimit(facts(SPIN, lossLimit, lost901, NOW_MS + DAY_MS))).isNull();
        assertThat(RgRules.lossLimit(facts(DEPOSIT, lossLimit, lost901, NOW_MS))).isNull();
        assertThat(RgRejection.LOSS_LIMIT.code()).isEqualTo(ResultCode.LOSS_LIMIT_EXCEEDED);
    }

    @Test
    void theFirstRejectionWinsInListOrder() {
        RgLimits excluded = limit(LimitKind.DEPOSIT_DAY, 1).excluded(Exclusion.SELF_EXCLUSION_6M, NOW_MS);
        assertThat(RgRules.firstRejection(facts(DEPOSIT, excluded, PlayerTally.NONE, NOW_MS)))
                .isEqualTo(RgRejection.EXCLUDED);
        assertThat(RgRules.all()).hasSize(5);
    }
}
