package io.croupier.fraud.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollusionRuleTest {
    private static final TablePairKey PAIR = TablePairKey.of("eu-1", 42, 17);
    private static final CollusionSettings SETTINGS = CollusionSettings.defaults();
    private static final long AT = 1_800_000_000_000L;

    private static TablePair stats(long together, long opposed, long netToHigher, long gross) {
        return new TablePair(together, opposed, opposed * 1_000, netToHigher, gross, 3, 2 + together, null);
    }

    @Test
    void aPairOpposedInNineOfTenRoundsIsCollusionMediumForBoth() {
        List<Finding> findings = CollusionRule.collusion(PAIR, stats(10, 9, 1_000, 7_000), 11, AT, SETTINGS);
        assertThat(findings).extracting(Finding::playerId).containsExactly(17L, 42L);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo(AlertRule.TABLE_COLLUSION);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.subject()).isEqualTo("pair:17-42@eu-1");
            assertThat(f.evidence()).contains("9 of the 10 rounds");
            assertThat(f.eventAtMs()).isEqualTo(AT);
        });
    }

    @Test
    void tooFewOpposedRoundsOrTooSmallAShareIsNoCollusion() {
        assertThat(CollusionRule.collusion(PAIR, stats(7, 7, 0, 7_000), 7, AT, SETTINGS)).as("7 < 8 rounds").isEmpty();
        assertThat(CollusionRule.collusion(PAIR, stats(20, 10, 0, 10_000), 20, AT, SETTINGS))
                .as("opposed in half the rounds: players choosing at random").isEmpty();
        assertThat(CollusionRule.collusion(PAIR, stats(40, 0, 0, 0), 40, AT, SETTINGS))
                .as("always on the same side").isEmpty();
    }

    @Test
    void strangersWhoOverlapOnlyInPartAreNoCollusionEvenWhenAlwaysOpposed() {
        // Opposed in all 10 rounds together, but one of them played 8 more rounds at the table around those.
        assertThat(CollusionRule.collusion(PAIR, stats(10, 10, 0, 10_000), 18, AT, SETTINGS))
                .as("together in 10 of the 18 rounds either played").isEmpty();
        assertThat(CollusionRule.collusion(PAIR, stats(10, 10, 0, 10_000), 12, AT, SETTINGS))
                .as("together in 10 of 12: arrived and left (nearly) together").hasSize(2);
        assertThat(CollusionRule.opposedEnough(stats(10, 10, 0, 10_000), SETTINGS)).isTrue();
        assertThat(CollusionRule.opposedEnough(stats(20, 10, 0, 10_000), SETTINGS)).isFalse();
    }

    @Test
    void oneSidedNetFlowIsChipDumpingHighForTheReceiverMediumForTheSender() {
        // 24 opposed rounds, 190,000 net to the lower id out of 200,000 gross.
        List<Finding> findings = CollusionRule.chipDumping(PAIR, stats(24, 24, -190_000, 200_000), AT, SETTINGS);
        assertThat(findings).hasSize(2);
        Finding receiver = findings.get(0);
        Finding sender = findings.get(1);
        assertThat(receiver.playerId()).isEqualTo(17);
        assertThat(receiver.severity()).isEqualTo(Severity.HIGH);
        assertThat(sender.playerId()).isEqualTo(42);
        assertThat(sender.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(receiver.rule()).isEqualTo(AlertRule.CHIP_DUMPING);
        assertThat(receiver.score()).isEqualTo(190_000);
        assertThat(receiver.evidence()).contains("from player 42 to player 17", "95 %");
    }

    @Test
    void balancedOrSmallOrShortFlowsAreNoChipDumping() {
        assertThat(CollusionRule.chipDumping(PAIR, stats(24, 24, 20_000, 200_000), AT, SETTINGS))
                .as("flows both ways net out").isEmpty();
        assertThat(CollusionRule.chipDumping(PAIR, stats(24, 24, 90_000, 90_000), AT, SETTINGS))
                .as("below the amount").isEmpty();
        assertThat(CollusionRule.chipDumping(PAIR, stats(19, 19, 190_000, 190_000), AT, SETTINGS))
                .as("fewer than 20 opposed rounds").isEmpty();
    }

    @Test
    void bothRulesCanHoldForOnePair() {
        assertThat(CollusionRule.judge(PAIR, stats(24, 24, 190_000, 200_000), 24, AT, SETTINGS))
                .extracting(Finding::rule).containsExactly(AlertRule.TABLE_COLLUSION, AlertRule.TABLE_COLLUSION,
                        AlertRule.CHIP_DUMPING, AlertRule.CHIP_DUMPING);
    }

    @Test
    void aPairRowAccumulatesRounds() {
        TablePair p = TablePair.NONE
                .plus(new PairStats.PairRound(100, 100, 100), 7, AT)
                .plus(new PairStats.PairRound(0, 0, 0), 8, AT)
                .plus(new PairStats.PairRound(50, -50, 50), 9, AT);
        assertThat(p.roundsTogether()).isEqualTo(3);
        assertThat(p.roundsOpposed()).isEqualTo(2);
        assertThat(p.stakeOpposed()).isEqualTo(150);
        assertThat(p.netToHigher()).isEqualTo(50);
        assertThat(p.grossMoved()).isEqualTo(150);
        assertThat(p.firstRoundNo()).isEqualTo(7);
        assertThat(p.lastRoundNo()).isEqualTo(9);
    }
}
