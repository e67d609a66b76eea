package io.croupier.fraud.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.croupier.wallet.OperationKind;
import org.junit.jupiter.api.Test;

/** Each per-player detection rule, finding and not finding, as a pure function over facts (no grid). */
class PlayerRulesTest {
    private static final long PLAYER = 42;
    private static final long HOUR_MS = 3_600_000L;
    /** Noon UTC of 2026-11-29. */
    private static final long NOON_MS = 1_795_953_600_000L;
    private static final DetectSettings S = DetectSettings.defaults();
    private static final GameProfile SLOT = new GameProfile(0.95, 20.0);

    /** Folds events one by one; the facts are those of the last. */
    private static final class Player {
        PlayerActivity activity = PlayerActivity.NONE;
        ActivityEvent last;
        int seq;

        Player add(OperationKind kind, long amount, long win, long atMs) {
            last = new ActivityEvent(PLAYER, "k" + seq++, kind, amount, win, "game", atMs);
            activity = activity.after(last, last.isRound() ? SLOT : null, S.cashierRetentionMs(),
                    S.winRateRoundWinSdMax());
            return this;
        }

        Player deposit(long amount, long atMs) {
            return add(OperationKind.DEPOSIT, amount, 0, atMs);
        }

        Player withdraw(long amount, long atMs) {
            return add(OperationKind.WITHDRAW, amount, 0, atMs);
        }

        Player spin(long stake, long win, long atMs) {
            return add(OperationKind.BET_AND_WIN, stake, win, atMs);
        }

        PlayerFacts facts() {
            return new PlayerFacts(last, activity, S, null, 0);
        }

        PlayerFacts facts(DetectSettings s, AnomalyModel model) {
            return new PlayerFacts(last, activity, s, model, 0);
        }
    }

    @Test
    void aWithdrawalAfterDepositsWithLittlePlayIsHeldAsLowWagering() {
        Player p = new Player().deposit(50_000, NOON_MS).spin(1_000, 0, NOON_MS + 1_000)
                .withdraw(45_000, NOON_MS + HOUR_MS);
        Finding f = PlayerRules.amlLowWagering(p.facts());
        assertThat(f).isNotNull();
        assertThat(f.rule()).isEqualTo(AlertRule.AML_LOW_WAGERING);
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.subject()).isEqualTo("day:2026-11-29");
        assertThat(f.score()).isCloseTo(0.98, within(1e-9));
        assertThat(f.eventAtMs()).isEqualTo(NOON_MS + HOUR_MS);
    }

    @Test
    void aWithdrawalAfterDepositsPlayedThroughIsNotLowWagering() {
        Player p = new Player().deposit(50_000, NOON_MS);
        for (int i = 0; i < 20; i++) {
            p.spin(1_000, 900, NOON_MS + i);
        }
        p.withdraw(40_000, NOON_MS + HOUR_MS);
        assertThat(PlayerRules.amlLowWagering(p.facts())).as("wagered 40 %").isNull();
    }

    @Test
    void smallDepositsOrDepositsOutsideTheWindowAreNotLowWagering() {
        assertThat(PlayerRules.amlLowWagering(new Player().deposit(5_000, NOON_MS).withdraw(5_000, NOON_MS + 1)
                .facts())).as("below the minimum").isNull();
        assertThat(PlayerRules.amlLowWagering(new Player().deposit(50_000, NOON_MS)
                .withdraw(50_000, NOON_MS + S.lowWageringWindowMs() + 1).facts())).as("outside the window").isNull();
        assertThat(PlayerRules.amlLowWagering(new Player().deposit(50_000, NOON_MS).facts()))
                .as("a deposit is not a withdrawal").isNull();
    }

    @Test
    void threeDepositsJustUnderTheThresholdInADayAreStructuring() {
        Player p = new Player().deposit(950_000, NOON_MS).deposit(990_000, NOON_MS + HOUR_MS);
        assertThat(PlayerRules.amlStructuring(p.facts())).as("two are not yet").isNull();
        p.deposit(901_000, NOON_MS + 2 * HOUR_MS);
        Finding f = PlayerRules.amlStructuring(p.facts());
        assertThat(f).isNotNull();
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.score()).isEqualTo(3);
    }

    @Test
    void depositsFarUnderTheThresholdAtOrAboveItOrSpreadOverDaysAreNotStructuring() {
        assertThat(PlayerRules.amlStructuring(new Player().deposit(800_000, NOON_MS).deposit(850_000, NOON_MS + 1)
                .deposit(899_999, NOON_MS + 2).facts())).as("more than 10 % under").isNull();
        assertThat(PlayerRules.amlStructuring(new Player().deposit(950_000, NOON_MS).deposit(950_000, NOON_MS + 1)
                .deposit(1_000_000, NOON_MS + 2).facts())).as("at the threshold").isNull();
        assertThat(PlayerRules.amlStructuring(new Player().deposit(950_000, NOON_MS)
                .deposit(950_000, NOON_MS + 25 * HOUR_MS).deposit(950_000, NOON_MS + 50 * HOUR_MS).facts()))
                .as("one a day").isNull();
    }

    @Test
    void aDepositOrWithdrawalAtTheThresholdIsALargeTransaction() {
        Finding deposit = PlayerRules.amlLargeTransaction(new Player().deposit(1_000_000, NOON_MS).facts());
        assertThat(deposit).isNotNull();
        assertThat(deposit.severity()).isEqualTo(Severity.LOW);
        assertThat(deposit.subject()).isEqualTo("transfer:k0");
        assertThat(PlayerRules.amlLargeTransaction(new Player().deposit(2_000_000, NOON_MS)
                .withdraw(1_500_000, NOON_MS + 1).facts())).isNotNull();
    }

    @Test
    void transactionsBelowTheThresholdAndStakesAreNotLargeTransactions() {
        assertThat(PlayerRules.amlLargeTransaction(new Player().deposit(999_999, NOON_MS).facts())).isNull();
        assertThat(PlayerRules.amlLargeTransaction(new Player().deposit(3_000_000, NOON_MS)
                .spin(2_000_000, 0, NOON_MS + 1).facts())).as("a stake").isNull();
    }

    @Test
    void depositsAndWithdrawalsAddingUpToTheThresholdInADayAreALargeAggregate() {
        Player p = new Player().deposit(400_000, NOON_MS).deposit(300_000, NOON_MS + HOUR_MS)
                .withdraw(300_000, NOON_MS + 2 * HOUR_MS);
        Finding f = PlayerRules.amlLargeAggregate(p.facts());
        assertThat(f).isNotNull();
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.score()).isEqualTo(1_000_000);
    }

    @Test
    void aSingleLargeOneOrSmallerTotalsOrOlderOnesAreNotALargeAggregate() {
        assertThat(PlayerRules.amlLargeAggregate(new Player().deposit(2_000_000, NOON_MS).facts()))
                .as("one transaction is the large-transaction rule's").isNull();
        assertThat(PlayerRules.amlLargeAggregate(new Player().deposit(400_000, NOON_MS)
                .withdraw(500_000, NOON_MS + 1).facts())).as("below").isNull();
        assertThat(PlayerRules.amlLargeAggregate(new Player().deposit(600_000, NOON_MS)
                .withdraw(600_000, NOON_MS + 25 * HOUR_MS).facts())).as("a day apart").isNull();
    }

    @Test
    void aPlayerWinningFarAboveTheGamesReturnIsAWinRateAnomalyMediumThenHigh() {
        Player p = new Player();
        // Stake 100, variance 20/unit → SD per round 447; expected win 95 per round.
        for (int i = 0; i < 100; i++) {
            p.spin(100, 95 + 225, NOON_MS + i);
        }
        // z = 100·225 / sqrt(100·100²·20) = 22500/4472 ≈ 5.03
        Finding medium = PlayerRules.winRateAnomaly(p.facts());
        assertThat(medium).isNotNull();
        assertThat(medium.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(medium.score()).isCloseTo(5.03, within(0.01));
        for (int i = 0; i < 100; i++) {
            p.spin(100, 95 + 300, NOON_MS + 200 + i);
        }
        Finding high = PlayerRules.winRateAnomaly(p.facts());
        assertThat(high.severity()).isEqualTo(Severity.HIGH);
        assertThat(high.subject()).isEqualTo("rounds");
    }

    @Test
    void anOrdinaryWinnerOrTooFewRoundsIsNotAWinRateAnomaly() {
        Player lucky = new Player();
        for (int i = 0; i < 100; i++) {
            lucky.spin(100, 95 + 100, NOON_MS + i);
        }
        assertThat(lucky.activity.winRateZ()).isCloseTo(2.24, within(0.01));
        assertThat(PlayerRules.winRateAnomaly(lucky.facts())).as("z 2.2").isNull();
        Player early = new Player();
        for (int i = 0; i < 99; i++) {
            early.spin(100, 1_000, NOON_MS + i);
        }
        assertThat(PlayerRules.winRateAnomaly(early.facts())).as("99 rounds").isNull();
    }

    /** A population like the simulator's: half of recent deposits unplayed on average, ~30 cashier volume a day. */
    private static AnomalyModel population(long players) {
        return new AnomalyModel(AnomalyFeatures.NAMES.clone(), new double[] {0, 0.5, 0, 3.5, 0},
                new double[] {1, 0.4, 0, 0.5, 0}, players, new java.sql.Timestamp(NOON_MS));
    }

    @Test
    void oneJackpotAmongOrdinaryRoundsIsNotAWinRateAnomaly() {
        Player p = new Player();
        for (int i = 0; i < 100; i++) {
            p.spin(100, i == 50 ? 100_000 : 95, NOON_MS + i);
        }
        // Uncapped: z = (100,000 − 95) / 4,472 ≈ 22; capped at 10 SD (4,567 per 100 staked): z ≈ 1.0.
        assertThat(p.activity.winRateZ()).isCloseTo(1.0, within(0.01));
        assertThat(PlayerRules.winRateAnomaly(p.facts())).isNull();
    }

    @Test
    void anAnomalyScoreAboveTheThresholdIsFlaggedWithItsTopFeatures() {
        AnomalyModel model = population(1_000);
        Player p = new Player().deposit(950_000, NOON_MS).deposit(950_000, NOON_MS + 1)
                .withdraw(1_800_000, NOON_MS + 2);
        Finding f = PlayerRules.anomalyScore(p.facts(S, model));
        assertThat(f).isNotNull();
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        // unplayed 1 → +1.25, 2 near the threshold → +4, volume 10^6.57 → +6.1
        assertThat(f.score()).isCloseTo(11.4, within(0.1));
        assertThat(f.evidence()).startsWith("score 11.4").contains("cashierVolumeLog10")
                .contains("nearThresholdDeposits");
    }

    @Test
    void anOrdinaryPlayerOrNoModelOrASmallPopulationIsNoAnomaly() {
        AnomalyModel model = population(1_000);
        Player ordinary = new Player().deposit(2_000, NOON_MS).spin(100, 0, NOON_MS + 1);
        assertThat(PlayerRules.anomalyScore(ordinary.facts(S, model))).isNull();
        Player odd = new Player().deposit(950_000, NOON_MS).deposit(950_000, NOON_MS + 1)
                .withdraw(1_800_000, NOON_MS + 2);
        assertThat(PlayerRules.anomalyScore(odd.facts(S, null))).as("no model").isNull();
        assertThat(PlayerRules.anomalyScore(odd.facts(S, model))).as("the same player with a model").isNotNull();
        assertThat(PlayerRules.anomalyScore(odd.facts(S, population(10))))
                .as("model of 10 players").isNull();
    }

    @Test
    void everyRuleIsInTheListAndFindingsCollectsThem() {
        assertThat(PlayerRules.all()).hasSize(6);
        Player p = new Player().deposit(1_200_000, NOON_MS).withdraw(1_200_000, NOON_MS + 1);
        assertThat(PlayerRules.findings(p.facts())).extracting(Finding::rule).containsExactlyInAnyOrder(
                AlertRule.AML_LOW_WAGERING, AlertRule.AML_LARGE_TRANSACTION, AlertRule.AML_LARGE_AGGREGATE);
    }
}
