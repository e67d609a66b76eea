package io.croupier.fraud.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The model from the map step's sums, and how it scores. */
class AnomalyModelTest {
    @Test
    void theModelIsEachFeaturesMeanAndStandardDeviationFromTheMergedSums() {
        int k = AnomalyFeatures.NAMES.length;
        double[] sums = new double[1 + 2 * k];
        // Feature 0 over three players: 1, 2, 3 → mean 2, SD sqrt(2/3).
        sums[0] = 3;
        sums[1] = 6;
        sums[2] = 14;
        AnomalyModel m = AnomalyModel.fromSums(sums, 0);
        assertThat(m.players()).isEqualTo(3);
        assertThat(m.mean(0)).isEqualTo(2.0);
        assertThat(m.deviation(0)).isCloseTo(Math.sqrt(2.0 / 3.0), within(1e-12));
        assertThat(m.mean(1)).isZero();
    }

    @Test
    void onlyTheSuspiciousDirectionCountsEachCappedAndSpreadsHaveAFloor() {
        int k = AnomalyFeatures.NAMES.length;
        AnomalyModel m = new AnomalyModel(AnomalyFeatures.NAMES.clone(), new double[k], new double[k], 100,
                new java.sql.Timestamp(0));
        AnomalyModel.Score below = m.score(new double[] {-5, 0, 0, 0, 0});
        assertThat(below.total()).isZero();
        AnomalyModel.Score capped = m.score(new double[] {1_000, 0, 0, 0, 1});
        // winRateZ capped at 10; linkedAlerts 1 over its floor 0.5 = 2.
        assertThat(capped.total()).isEqualTo(12.0);
        assertThat(capped.parts().get(0).feature()).isEqualTo("winRateZ");
        assertThat(capped.evidence()).isEqualTo("winRateZ=1.00e+03 (+10.0), linkedAlerts=1.00 (+2.0)");
    }
}
