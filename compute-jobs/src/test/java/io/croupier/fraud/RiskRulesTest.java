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
    private static final RiskSettings LIMITS = new RiskSettings(3, 5);
    private static final Wallet WALLET = new Wallet("EUR", 10_000, new Timestamp(0));

    private static final MoneyRequest SPIN = MoneyRequest.spin(PLAYER, "s", "EUR", 100, "classic-fruits");
    private static final MoneyRequest BET = MoneyRequest.bet(PLAYER, "b", "EUR", 100, "round-1");
    private static final MoneyRequest WIN = MoneyRequest.win(PLAYER, "w", "EUR", 100, "round-1");
    private static final MoneyRequest DEPOSIT = MoneyRequest.deposit(PLAYER, "d", "EUR", 100, "tok");
    private static final MoneyRequest WITHDRAW = MoneyRequest.withdraw(PLAYER, "x", "EUR", 100);

    private static RiskFacts facts(MoneyRequest request, PlayerStatus status, StakeVelocity velocity, long nowMs) {
        return new RiskFacts(request, WALLET, status, velocity, nowMs, LIMITS);
    }

    private static RiskFacts active(MoneyRequest request) {
        return facts(request, PlayerStatus.ACTIVE, StakeVelocity.NONE, NOON_MS);
    }

    private static StakeVelocity stakes(int count, long firstMs, long stepMs) {
        StakeVelocity v = StakeVelocity.NONE;
        for (int i = 0; i < count; i++) {
            v = v.afterStakeAt(firstMs + i * stepMs);
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
    void aBlockedPlayerMayNotStakeWithdrawOrDepositButIsStillPaidWins() {
        for (MoneyRequest r : new MoneyRequest[] {SPIN, BET, WITHDRAW, DEPOSIT}) {
            assertThat(RiskRules.accountStatus(facts(r, PlayerStatus.BLOCKED, StakeVelocity.NONE, NOON_MS)))
                    .as(r.toString()).isEqualTo(RiskRejection.ACCOUNT_NOT_ACTIVE);
        }
        assertThat(RiskRules.accountStatus(facts(WIN, PlayerStatus.BLOCKED, StakeVelocity.NONE, NOON_MS))).isNull();
        assertThat(RiskRejection.ACCOUNT_NOT_ACTIVE.code()).isEqualTo(ResultCode.RISK_BLOCKED);
    }

    @Test
    void aSelfExcludedOrClosedPlayerMayNotStakeOrWithdrawButMayDeposit() {
        for (PlayerStatus status : new PlayerStatus[] {PlayerStatus.SELF_EXCLUDED, PlayerStatus.CLOSED}) {
            for (MoneyRequest r : new MoneyRequest[] {SPIN, BET, WITHDRAW}) {
                assertThat(RiskRules.accountStatus(facts(r, status, StakeVelocity.NONE, NOON_MS)))
                        .as(status + " " + r).isEqualTo(RiskRejection.ACCOUNT_NOT_ACTIVE);
            }
            assertThat(RiskRules.accountStatus(facts(DEPOSIT, status, StakeVelocity.NONE, NOON_MS))).isNull();
        }
    }

    @Test
    void stakesBelowThePerSecondLimitAreAllowed() {
        StakeVelocity two = stakes(2, NOON_MS, 100);
        assertThat(RiskRules.stakesPerSecond(facts(SPIN, PlayerStatus.ACTIVE, two, NOON_MS + 300))).isNull();
    }

    @Test
    void aStakeBeyondThePerSecondLimitIsRefusedUntilTheNextSecond() {
        StakeVelocity three = stakes(3, NOON_MS, 100);
        assertThat(RiskRules.stakesPerSecond(facts(SPIN, PlayerStatus.ACTIVE, three, NOON_MS + 999)))
                .isEqualTo(RiskRejection.STAKES_PER_SECOND);
        assertThat(RiskRules.stakesPerSecond(facts(BET, PlayerStatus.ACTIVE, three, NOON_MS + 999)))
                .isEqualTo(RiskRejection.STAKES_PER_SECOND);
        assertThat(RiskRules.stakesPerSecond(facts(SPIN, PlayerStatus.ACTIVE, three, NOON_MS + 1_000))).isNull();
        assertThat(RiskRejection.STAKES_PER_SECOND.code()).isEqualTo(ResultCode.VELOCITY_EXCEEDED);
    }

    @Test
    void velocityLimitsDoNotCountOrRefuseCashierOperationsOrWins() {
        StakeVelocity many = stakes(5, NOON_MS, 10);
        for (MoneyRequest r : new MoneyRequest[] {WIN, DEPOSIT, WITHDRAW}) {
            assertThat(RiskRules.stakesPerSecond(facts(r, PlayerStatus.ACTIVE, many, NOON_MS + 100))).isNull();
            assertThat(RiskRules.stakesPerMinute(facts(r, PlayerStatus.ACTIVE, many, NOON_MS + 100))).isNull();
        }
    }

    @Test
    void stakesBelowThePerMinuteLimitAreAllowed() {
        StakeVelocity four = stakes(4, NOON_MS, 1_000);
        assertThat(RiskRules.stakesPerMinute(facts(SPIN, PlayerStatus.ACTIVE, four, NOON_MS + 10_000))).isNull();
    }

    @Test
    void aStakeBeyondThePerMinuteLimitIsRefusedUntilTheNextMinuteEvenWhenEachSecondIsWithinItsLimit() {
        StakeVelocity five = stakes(5, NOON_MS, 1_000);
        RiskFacts sameMinute = facts(SPIN, PlayerStatus.ACTIVE, five, NOON_MS + 59_999);
        assertThat(RiskRules.stakesPerSecond(sameMinute)).isNull();
        assertThat(RiskRules.stakesPerMinute(sameMinute)).isEqualTo(RiskRejection.STAKES_PER_MINUTE);
        assertThat(RiskRules.firstRejection(sameMinute)).isEqualTo(RiskRejection.STAKES_PER_MINUTE);
        assertThat(RiskRules.stakesPerMinute(facts(SPIN, PlayerStatus.ACTIVE, five, NOON_MS + 60_000))).isNull();
    }

    @Test
    void theAccountStatusRuleIsAskedFirst() {
        RiskFacts blockedAndFast = facts(SPIN, PlayerStatus.BLOCKED, stakes(5, NOON_MS, 10), NOON_MS + 100);
        assertThat(RiskRules.firstRejection(blockedAndFast)).isEqualTo(RiskRejection.ACCOUNT_NOT_ACTIVE);
        assertThat(RiskRules.all()).hasSize(3);
    }

    @Test
    void settingsRefuseAPerMinuteLimitBelowThePerSecondLimit() {
        assertThatThrownBy(() -> new RiskSettings(10, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RiskSettings.defaults().stakesPerSecondMax()).isEqualTo(50);
    }
}
