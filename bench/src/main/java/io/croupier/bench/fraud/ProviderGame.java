package io.croupier.bench.fraud;

import java.util.Random;

/**
 * A third-party provider's game as the simulator models it: the round's return is {@code multiplier × stake}, the
 * multiplier drawn from a fixed distribution. The provider decides the outcome and reports stake and win to the wallet
 * in one BET_AND_WIN; the platform cannot see how it was drawn, only what it returns.
 */
record ProviderGame(String id, int[] multipliers, double[] probabilities) {
    /** An ordinary provider game: RTP 96 %, variance of the return about 4.5 per unit stake. */
    static final ProviderGame FAIR = new ProviderGame("provider-fair",
            new int[] {0, 2, 3, 10, 50}, new double[] {0.7048, 0.18, 0.08, 0.035, 0.0002});
    /**
     * The same channel with an abnormal return (a provider-side bug or a leaked outcome the abuser exploits):
     * 310 % returned on average.
     */
    static final ProviderGame ABUSED = new ProviderGame("provider-abused",
            new int[] {0, 2, 5, 10}, new double[] {0.30, 0.30, 0.30, 0.10});

    ProviderGame {
        double sum = 0;
        for (double p : probabilities) {
            sum += p;
        }
        if (multipliers.length != probabilities.length || Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("probabilities of " + id + " must match the multipliers and sum to 1");
        }
    }

    int draw(Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < multipliers.length; i++) {
            u -= probabilities[i];
            if (u < 0) {
                return multipliers[i];
            }
        }
        return multipliers[multipliers.length - 1];
    }

    /** The return per unit stake on average (the game's RTP). */
    double meanReturn() {
        double m = 0;
        for (int i = 0; i < multipliers.length; i++) {
            m += multipliers[i] * probabilities[i];
        }
        return m;
    }
}
