package io.croupier.fraud.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.croupier.player.PlayerStatus;
import org.junit.jupiter.api.Test;

/** What an alert's action does to an account status, and what a dismissal undoes (pure, no grid). */
class FraudAlertsStatusTest {

    @Test
    void actionsOnlyEverTightenAStatus() {
        assertThat(FraudAlerts.escalate(PlayerStatus.ACTIVE, AlertAction.FLAG)).isEqualTo(PlayerStatus.ACTIVE);
        assertThat(FraudAlerts.escalate(PlayerStatus.ACTIVE, AlertAction.HOLD_WITHDRAWALS)).isEqualTo(PlayerStatus.HELD);
        assertThat(FraudAlerts.escalate(PlayerStatus.ACTIVE, AlertAction.BLOCK_PLAY)).isEqualTo(PlayerStatus.BLOCKED);
        assertThat(FraudAlerts.escalate(PlayerStatus.HELD, AlertAction.BLOCK_PLAY)).isEqualTo(PlayerStatus.BLOCKED);
        assertThat(FraudAlerts.escalate(PlayerStatus.BLOCKED, AlertAction.HOLD_WITHDRAWALS))
                .isEqualTo(PlayerStatus.BLOCKED);
        for (AlertAction a : AlertAction.values()) {
            assertThat(FraudAlerts.escalate(PlayerStatus.SELF_EXCLUDED, a)).isEqualTo(PlayerStatus.SELF_EXCLUDED);
            assertThat(FraudAlerts.escalate(PlayerStatus.CLOSED, a)).isEqualTo(PlayerStatus.CLOSED);
        }
    }

    @Test
    void aDismissalLiftsOnlyWhatThatAlertSetAndOnlyDownToWhatOthersStillRequire() {
        assertThat(FraudAlerts.relax(PlayerStatus.HELD, AlertAction.HOLD_WITHDRAWALS, AlertAction.FLAG))
                .isEqualTo(PlayerStatus.ACTIVE);
        assertThat(FraudAlerts.relax(PlayerStatus.BLOCKED, AlertAction.BLOCK_PLAY, AlertAction.HOLD_WITHDRAWALS))
                .isEqualTo(PlayerStatus.HELD);
        assertThat(FraudAlerts.relax(PlayerStatus.BLOCKED, AlertAction.BLOCK_PLAY, AlertAction.BLOCK_PLAY))
                .isEqualTo(PlayerStatus.BLOCKED);
        // A hold's dismissal does not lift a block an administrator set meanwhile.
        assertThat(FraudAlerts.relax(PlayerStatus.BLOCKED, AlertAction.HOLD_WITHDRAWALS, AlertAction.FLAG))
                .isEqualTo(PlayerStatus.BLOCKED);
        assertThat(FraudAlerts.relax(PlayerStatus.SELF_EXCLUDED, AlertAction.BLOCK_PLAY, AlertAction.FLAG))
                .isEqualTo(PlayerStatus.SELF_EXCLUDED);
    }

    @Test
    void aFindingNamesItsAlertAndRefusesAnEmptySubject() {
        Finding f = new Finding(7, AlertRule.AML_STRUCTURING, "day:2026-11-29", Severity.MEDIUM, 4, "4 deposits", 1);
        assertThat(f.alertId()).isEqualTo("AML_STRUCTURING:day:2026-11-29");
        assertThat(f.key()).isEqualTo(new FraudAlertKey(7, "AML_STRUCTURING:day:2026-11-29"));
        assertThatThrownBy(() -> new Finding(7, AlertRule.AML_STRUCTURING, "", Severity.LOW, 1, "", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Finding(7, AlertRule.ANOMALY_SCORE, "s", Severity.LOW, 1, "x".repeat(2_000), 1).evidence())
                .hasSize(Finding.EVIDENCE_LENGTH_MAX);
    }

    @Test
    void repeatsKeepTheWorseSeverityAndTheFirstEventTime() {
        Finding first = new Finding(7, AlertRule.WIN_RATE_ANOMALY, "all", Severity.LOW, 4.1, "z=4.1", 1_000);
        FraudAlert opened = FraudAlert.opened(first, 1_200);
        FraudAlert again = opened.repeatedBy(
                new Finding(7, AlertRule.WIN_RATE_ANOMALY, "all", Severity.MEDIUM, 6.0, "z=6.0", 5_000), 5_100);
        assertThat(again.hits()).isEqualTo(2);
        assertThat(again.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(again.action()).isEqualTo(AlertAction.HOLD_WITHDRAWALS);
        assertThat(again.score()).isEqualTo(6.0);
        assertThat(again.eventAt().getTime()).isEqualTo(1_000);
        assertThat(again.createdAt().getTime()).isEqualTo(1_200);
        assertThat(again.evidence()).isEqualTo("z=6.0");
    }
}
