package io.croupier.slots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SlotSimulationTest {
    /** Two-sided 99.9 % quantile of the standard normal distribution. */
    private static final double Z_999 = 3.291;
    /** A fixed server seed so the run is reproducible; chosen once, not searched for. */
    private static final byte[] SEED = HexFormat.of().parseHex("5eed0f5107c0ffee0123456789abcdef");

    @Test
    void twoHundredThousandSpinsReturnTheExactRtpWithinTheNinetyNinePointNinePercentInterval() {
        SlotDefinition game = ShippedGamesTest.shipped("classic-fruits");
        RtpReport exact = RtpCalculator.calculate(game);
        long spins = 200_000;

        SlotSimulation.Result result = SlotSimulation.simulate(game, SEED, spins, SlotSimulation.THREADS);

        double halfWidth = SlotSimulation.halfWidth(exact, spins, Z_999);
        System.out.printf("observed %.6f exact %.6f ± %.6f%n", result.observedRtp(), exact.rtp(), halfWidth);
        assertThat(result.spins()).isEqualTo(spins);
        assertThat(result.totalStake()).isEqualTo(spins * game.stakeMin());
        assertThat(result.observedRtp()).isBetween(exact.rtp() - halfWidth, exact.rtp() + halfWidth);
    }

    @Test
    void splittingTheNonceRangeOverThreadsGivesTheSameTotals() {
        SlotDefinition game = TestGames.small();

        assertThat(SlotSimulation.simulate(game, SEED, 10_001, 3)).isEqualTo(SlotSimulation.simulate(game, SEED, 10_001, 1));
    }
}
