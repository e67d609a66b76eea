package io.croupier.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.croupier.player.PlayerStatus;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.ResultCode;
import io.croupier.wallet.Wallet;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;

/** Each inline risk rule, allowing and refusing, as a pure function over facts (no grid). */
class RiskRulesTest {
    private static final long PLAYER = 7;
    /** 12:00:00.000 on some day, so a second and a minute start exactly here. */
    private static final long NOON_MS = 1_700_000_000_000L - 1_700_000_000_000L % 60_000L;
    private static final RiskSettings LIMITS = new RiskSettings(3, 5, 10, 4);
    private static final Wallet WALLET = new Wallet("EUR", 10_000, new Timestamp(0));

    private static final MoneyRequest SPIN = MoneyRequest.spin(PLAYER, "s", "EUR", 100, "classic-fruits");
    private static final MoneyRequest BET = MoneyRequest.bet(PLAYER, "b", "EUR", 100, "round-1");
    private static final MoneyRequest WIN = MoneyRequest.win(PLAYER, "w", "EUR", 100, "round-1");
    private static final MoneyRequest DEPOSIT = MoneyRequest.deposit(PLAYER, "d", "EUR", 100, "tok");
    private static final MoneyRequest WITHDRAW = MoneyRequest.withdraw(PLAYER, "x", "EUR", 100);

    private static RiskFacts facts(MoneyRequest request, PlayerStatus status, StakeHistory velocity, long nowMs) {
        return new RiskFacts(request, WALLET, status, velocity, nowMs, LIMITS);
    }

    private static RiskFacts active(MoneyRequest request) {
        return facts(request, PlayerStatus.ACTIVE, StakeHistory.NONE, NOON_MS);
    }

    private static StakeHistory stakes(int count, long firstMs, long stepMs) {
        StakeHistory v = StakeHistory.NONE;
        for (int i = 0; i < count; i++) {
            v = v.afterStakeAt(firstMs + i * stepMs, 100);
        }
        return v;
    }

    @Test
    void anActivePlayerMayStakeDepositAndWithdraw() {
        for (MoneyRequest r : new MoneyRequest[] {SPIN, BET, WIN, DEPOSIT, WITHDRAW}) {
            assertThat(RiskRules.accountStatus(active(r))).as(r.toString()).isNull();
            assertThat(RiskRules.firstRejection(active(r))).as(r.toString()).isNull();
        }
    }

    @Test
    void aHeldPlayerPlaysAndDepositsButMayNotWithdraw() {
        for (MoneyRequest r : new MoneyRequest[] {SPIN, BET, WIN, DEPOSIT}) {
            assertThat(RiskRules.accountStatus(facts(r, PlayerStatus.HELD, StakeHistory.NONE, NOON_MS)))
                    .as(r.toString()).isNull();
        }
        assertThat(RiskRules.firstRejection(facts(WITHDRAW, PlayerStatus.HELD, StakeHistory.NONE, NOON_MS)))
                .isEqualTo(RiskRejection.WITHDRAWALS_HELD);
        assertThat(RiskRejection.WITHDRAWALS_HELD.code()).isEqualTo(ResultCode.RISK_HELD);
    }

    @Test
    void aBlockedPlayerMayNotStakeWithdrawOrDepositButIsStillPaidWins() {
        for (MoneyRequest r : new MoneyRequest[] {SPIN, BET, WITHDRAW, DEPOSIT}) {
            assertThat(RiskRules.accountStatus(facts(r, PlayerStatus.BLOCKED, StakeHistory.NONE, NOON_MS)))
                    .as(r.toString()).isEqualTo(RiskRejection.ACCOUNT_NOT_ACTIVE);
        }
        assertThat(RiskRules.accountStatus(facts(WIN, PlayerStatus.BLOCKED, StakeHistory.NONE, NOON_MS))).isNull();
        assertThat(RiskRejection.ACCOUNT_NOT_ACTIVE.code()).isEqualTo(ResultCode.RISK_BLOCKED);
    }

    @Test
    void aSelfExcludedOrClosedPlayerMayNotStakeOrWithdrawButMayDeposit() {
        for (PlayerStatus status : new PlayerStatus[] {PlayerStatus.SELF_EXCLUDED, PlayerStatus.CLOSED}) {
            for (MoneyRequest r : new MoneyRequest[] {SPIN, BET, WITHDRAW}) {
                assertThat(RiskRules.accountStatus(facts(r, status, StakeHistory.NONE, NOON_MS)))
                        .as(status + " " + r).isEqualTo(RiskRejection.ACCOUNT_NOT_ACTIVE);
            }
            assertThat(RiskRules.accountStatus(facts(DEPOSIT, status, StakeHistory.NONE, NOON_MS))).isNull();
        }
    }

    @Test
    void stakesBelowThePerSecondLimitAreAllowed() {
        StakeHistory two = stakes(2, NOON_MS, 100);
        assertThat(RiskRules.stakesPerSecond(facts(SPIN, PlayerStatus.ACTIVE, two, NOON_MS + 300))).isNull();
    }

    @Test
    void aStakeBeyondThePerSecondLimitIsRefusedUntilTheNextSecond() {
        StakeHistory three = stakes(3, NOON_MS, 100);
        assertThat(RiskRules.stakesPerSecond(facts(SPIN, PlayerStatus.ACTIVE, three, NOON_MS + 999)))
                .isEqualTo(RiskRejection.STAKES_PER_SECOND);
        assertThat(RiskRules.stakesPerSecond(facts(BET, PlayerStatus.ACTIVE, three, NOON_MS + 999)))
                .isEqualTo(RiskRejection.STAKES_PER_SECOND);
        assertThat(RiskRules.stakesPerSecond(facts(SPIN, PlayerStatus.ACTIVE, three, NOON_MS + 1_000))).isNull();
        assertThat(RiskRejection.STAKES_PER_SECOND.code()).isEqualTo(ResultCode.VELOCITY_EXCEEDED);
    }

    @Test
    void velocityLimitsDoNotCountOrRefuseCashierOperationsOrWins() {
        StakeHistory many = stakes(5, NOON_MS, 10);
        for (MoneyRequest r : new MoneyRequest[] {WIN, DEPOSIT, WITHDRAW}) {
            assertThat(RiskRules.stakesPerSecond(facts(r, PlayerStatus.ACTIVE, many, NOON_MS + 100))).isNull();
            assertThat(RiskRules.stakesPerMinute(facts(r, PlayerStatus.ACTIVE, many, NOON_MS + 100))).isNull();
        }
    }

    @Test
    void stakesBelowThePerMinuteLimitAreAllowed() {
        StakeHistory four = stakes(4, NOON_MS, 1_000);
        assertThat(RiskRules.stakesPerMinute(facts(SPIN, PlayerStatus.ACTIVE, four, NOON_MS + 10_000))).isNull();
    }

    @Test
    void aStakeBeyondThePerMinuteLimitIsRefusedUntilTheNextMinuteEvenWhenEachSecondIsWithinItsLimit() {
        StakeHistory five = stakes(5, NOON_MS, 1_000);
        RiskFacts sameMinute = facts(SPIN, PlayerStatus.ACTIVE, five, NOON_MS + 59_999);
        assertThat(RiskRules.stakesPerSecond(sameMinute)).isNull();
        assertThat(RiskRules.stakesPerMinute(sameMinute)).isEqualTo(RiskRejection.STAKES_PER_MINUTE);
        assertThat(RiskRules.firstRejection(sameMinute)).isEqualTo(RiskRejection.STAKES_PER_MINUTE);
        assertThat(RiskRules.stakesPerMinute(facts(SPIN, PlayerStatus.ACTIVE, five, NOON_MS + 60_000))).isNull();
    }

    private static StakeHistory hourlyStakesOf100(int count) {
        return stakes(count, NOON_MS - 3_600_000L * count, 3_600_000L);
    }

    private static MoneyRequest spinOf(long stakeMinor) {
        return MoneyRequest.spin(PLAYER, "j", "EUR", stakeMinor, "classic-fruits");
    }

    @Test
    void aStakeWithinTheJumpFactorOfTheAverageIsAllowed() {
        assertThat(RiskRules.stakeJump(facts(spinOf(1_000), PlayerStatus.ACTIVE, hourlyStakesOf100(4), NOON_MS)))
                .isNull();
    }

    @Test
    void aStakeAboveTheJumpFactorOfTheAverageIsHeldOnceThePlayerHasAHistory() {
        RiskFacts jump = facts(spinOf(1_001), PlayerStatus.ACTIVE, hourlyStakesOf100(4), NOON_MS);
        assertThat(RiskRules.stakeJump(jump)).isEqualTo(RiskRejection.STAKE_JUMP);
        assertThat(RiskRules.firstRejection(jump)).isEqualTo(RiskRejection.STAKE_JUMP);
        assertThat(RiskRejection.STAKE_JUMP.code()).isEqualTo(ResultCode.RISK_HELD);
        // Three stakes are too few to judge, and a deposit is not a stake.
        assertThat(RiskRules.stakeJump(facts(spinOf(1_001), PlayerStatus.ACTIVE, hourlyStakesOf100(3), NOON_MS)))
                .isNull();
        assertThat(RiskRules.stakeJump(facts(MoneyRequest.deposit(PLAYER, "d", "EUR", 1_000_000, "tok"),
                PlayerStatus.ACTIVE, hourlyStakesOf100(4), NOON_MS))).isNull();
    }

    @Test
    void theAverageStakeFollowsRecentStakesInWholeMinorUnits() {
        StakeHistory history = StakeHistory.NONE.afterStakeAt(NOON_MS, 100);
        assertThat(history.averageStakeMinor()).isEqualTo(100);
        history = history.afterStakeAt(NOON_MS, 260);
        assertThat(history.averageStakeMinor()).isEqualTo(110);
        assertThat(history.stakesCounted()).isEqualTo(2);
    }

    @Test
    void theStakeJumpRuleIsOffWithFactorZero() {
        RiskFacts jump = new RiskFacts(spinOf(1_000_000), WALLET, PlayerStatus.ACTIVE, hourlyStakesOf100(4), NOON_MS,
                new RiskSettings(3, 5, 0, 4));
        assertThat(RiskRules.stakeJump(jump)).isNull();
    }

    @Test
    void theAccountStatusRuleIsAskedFirst() {
        RiskFacts blockedAndFast = facts(SPIN, PlayerStatus.BLOCKED, stakes(5, NOON_MS, 10), NOON_MS + 100);
        assertThat(RiskRules.firstRejection(blockedAndFast)).isEqualTo(RiskRejection.ACCOUNT_NOT_ACTIVE);
        assertThat(RiskRules.all()).hasSize(4);
    }

    @Test
    void settingsRefuseAPerMinuteLimitBelowThePerSecondLimit() {
        assertThatThrownBy(() -> new RiskSettings(10, 5, 100, 20))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RiskSettings.defaults().stakesPerSecondMax()).isEqualTo(50);
    }
}
