package io.croupier.bench.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoringTest {
    private static final Set<Long> PLAYERS = Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    private static final Map<Long, FraudKind> FRAUDSTERS = Map.of(
            1L, FraudKind.STRUCTURING, 2L, FraudKind.STRUCTURING, 3L, FraudKind.STRUCTURING, 4L, FraudKind.STRUCTURING,
            5L, FraudKind.COLLUSION, 6L, FraudKind.COLLUSION);

    private static Alert alert(long player, String rule, long eventAt, long createdAt) {
        return new Alert(player, rule, rule + ":s" + eventAt, "MEDIUM", eventAt, createdAt, createdAt);
    }

    private static Scoring.KindRow row(Scoring.Result r, FraudKind kind) {
        return r.kinds().stream().filter(k -> k.name().equals(kind.name())).findFirst().orElseThrow();
    }

    @Test
    void precisionAndRecallCountPlayersOnceAndAnOrdinaryPlayersAlertIsAFalsePositive() {
        List<Alert> alerts = List.of(
                alert(1, "AML_STRUCTURING", 1_000, 1_100),
                alert(1, "AML_STRUCTURING", 2_000, 2_050), // a second alert on the same player: still one TP
                alert(2, "AML_STRUCTURING", 1_000, 1_300),
                alert(3, "AML_STRUCTURING", 1_000, 1_500),
                alert(9, "AML_STRUCTURING", 1_000, 1_010)); // ordinary player: FP
        Scoring.KindRow s = row(Scoring.score(PLAYERS, FRAUDSTERS, alerts), FraudKind.STRUCTURING);

        assertThat(s.players()).isEqualTo(4);
        assertThat(s.truePositives()).isEqualTo(3);
        assertThat(s.falsePositives()).isEqualTo(1);
        assertThat(s.falseNegatives()).isEqualTo(1);
        assertThat(s.precision()).isEqualTo(0.75);
        assertThat(s.recall()).isEqualTo(0.75);
        assertThat(s.met()).isFalse();
    }

    @Test
    void theFalsePositivesAreNamedPerRow() {
        Scoring.Result r = Scoring.score(PLAYERS, FRAUDSTERS, List.of(
                alert(9, "AML_STRUCTURING", 1_000, 1_010),
                alert(5, "AML_STRUCTURING", 1_000, 1_010),
                alert(10, "ANOMALY_SCORE", 1_000, 1_010)));

        assertThat(r.falsePositives()).containsOnlyKeys("STRUCTURING", "ANOMALY_SCORE");
        assertThat(r.falsePositives().get("STRUCTURING")).containsExactly(5L, 9L);
        assertThat(r.falsePositives().get("ANOMALY_SCORE")).containsExactly(10L);
    }

    @Test
    void latencyIsCreatedMinusEventOfEachPlayersFirstAlert() {
        List<Alert> alerts = List.of(
                alert(1, "AML_STRUCTURING", 1_000, 1_100),
                alert(1, "AML_STRUCTURING", 5_000, 9_000), // later alert of the same player is not counted
                alert(2, "AML_STRUCTURING", 1_000, 1_300),
                alert(3, "AML_STRUCTURING", 1_000, 1_500),
                alert(4, "AML_STRUCTURING", 1_000, 2_200));
        Scoring.KindRow s = row(Scoring.score(PLAYERS, FRAUDSTERS, alerts), FraudKind.STRUCTURING);

        assertThat(s.latencyMs().getTotalCount()).isEqualTo(4);
        assertThat(s.latencyPercentileMs(50)).isEqualTo(300);
        assertThat(s.latencyMaxMs()).isEqualTo(1_200);
        assertThat(s.latencyPercentileMs(99)).isEqualTo(1_200);
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.latencyMet()).as("p99 1.2 s > 1 s").isFalse();
    }

    @Test
    void aKindIsMetWhenAllThreeTargetsAre() {
        List<Alert> alerts = List.of(
                alert(5, "TABLE_COLLUSION", 1_000, 1_400),
                alert(6, "CHIP_DUMPING", 1_000, 1_900)); // either rule of the kind detects it
        Scoring.KindRow c = row(Scoring.score(PLAYERS, FRAUDSTERS, alerts), FraudKind.COLLUSION);

        assertThat(c.truePositives()).isEqualTo(2);
        assertThat(c.precision()).isEqualTo(1.0);
        assertThat(c.recall()).isEqualTo(1.0);
        assertThat(c.latencyPercentileMs(99)).isEqualTo(900);
        assertThat(c.met()).isTrue();
    }

    @Test
    void anAlertOnAnotherKindIsAFalsePositiveUnlessItsFindingIsCorrectThere() {
        List<Alert> alerts = List.of(
                alert(1, "AML_LARGE_AGGREGATE", 1_000, 1_100), // structurer's deposits add up: correct, not FP
                alert(5, "AML_LARGE_TRANSACTION", 1_000, 1_100), // colluder: FP of large transactions
                alert(6, "AML_LOW_WAGERING", 1_000, 1_100)); // colluder: FP of low wagering
        Scoring.Result r = Scoring.score(PLAYERS, FRAUDSTERS, alerts);

        assertThat(row(r, FraudKind.LARGE_TRANSACTION).falsePositives()).isEqualTo(1);
        assertThat(row(r, FraudKind.LARGE_TRANSACTION).truePositives()).isZero();
        assertThat(row(r, FraudKind.LOW_WAGERING).falsePositives()).isEqualTo(1);
        assertThat(row(r, FraudKind.STRUCTURING).truePositives()).as("another rule's finding").isZero();
        assertThat(r.matrix().get("AML_LARGE_AGGREGATE")).containsEntry("STRUCTURING", 1);
    }

    @Test
    void aKindWithoutAnyAlertHasRecallZeroAndNoPrecision() {
        Scoring.KindRow s = row(Scoring.score(PLAYERS, FRAUDSTERS, List.of()), FraudKind.STRUCTURING);

        assertThat(s.recall()).isZero();
        assertThat(s.precision()).isNaN();
        assertThat(s.latencyPercentileMs(99)).isEqualTo(-1);
        assertThat(s.met()).isFalse();
        assertThat(DetectionTable.status(s)).isEqualTo("**NOT MET** (precision, recall, latency)");
    }

    @Test
    void anomalyScoreIsScoredOverFraudstersOfEveryKind() {
        List<Alert> alerts = List.of(
                alert(1, "ANOMALY_SCORE", 1_000, 1_100),
                alert(5, "ANOMALY_SCORE", 1_000, 1_200),
                alert(9, "ANOMALY_SCORE", 1_000, 1_300));
        Scoring.Result r = Scoring.score(PLAYERS, FRAUDSTERS, alerts);

        assertThat(r.anomaly().players()).isEqualTo(6);
        assertThat(r.anomaly().truePositives()).isEqualTo(2);
        assertThat(r.anomaly().falsePositives()).isEqualTo(1);
        assertThat(r.anomaly().falseNegatives()).isEqualTo(4);
        assertThat(r.kinds()).allSatisfy(k -> assertThat(k.falsePositives()).isZero());
    }

    @Test
    void alertsAboutUnknownPlayersOrRulesAreCountedApart() {
        Scoring.Result r = Scoring.score(PLAYERS, FRAUDSTERS, List.of(
                alert(99, "AML_STRUCTURING", 1_000, 1_100),
                alert(1, "SOME_FUTURE_RULE", 1_000, 1_100)));

        assertThat(r.unknownPlayers()).isEqualTo(1);
        assertThat(r.unknownRules()).isEqualTo(1);
        assertThat(row(r, FraudKind.STRUCTURING).truePositives()).isZero();
    }

    @Test
    void everyRuleButTheAnomalyScoreDetectsExactlyOneKind() {
        for (io.croupier.fraud.detect.AlertRule rule : io.croupier.fraud.detect.AlertRule.values()) {
            long kinds = java.util.Arrays.stream(FraudKind.values()).filter(k -> k.rules().contains(rule)).count();
            assertThat(kinds).as(rule.name()).isEqualTo(rule == io.croupier.fraud.detect.AlertRule.ANOMALY_SCORE ? 0 : 1);
        }
    }
}
