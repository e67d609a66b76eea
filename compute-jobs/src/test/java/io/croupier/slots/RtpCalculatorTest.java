package io.croupier.slots;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RtpCalculatorTest {

    @Test
    void exactEnumerationEqualsBruteForceOverEveryStopCombinationOfASmallGame() {
        SlotDefinition game = TestGames.small();

        assertThat(RtpCalculator.calculate(game)).isEqualTo(bruteForce(game));
    }

    @Test
    void exactEnumerationEqualsBruteForceOnManyRandomSmallGames() {
        for (long seed = 1; seed <= 40; seed++) {
            SlotDefinition game = TestGames.random(seed);

            assertThat(RtpCalculator.calculate(game)).as("random game %d", seed).isEqualTo(bruteForce(game));
        }
    }

    @Test
    void reportGivesTheRtpAsAReducedFractionAndItsStatistics() {
        RtpReport report = RtpCalculator.calculate(TestGames.small());

        assertThat(report.combinations()).isEqualTo(5L * 6 * 7 * 5 * 6);
        assertThat(report.rtpNumerator().gcd(report.rtpDenominator())).isEqualTo(BigInteger.ONE);
        assertThat(report.rtp()).isCloseTo(report.rtpNumerator().doubleValue() / report.rtpDenominator().doubleValue(),
                org.assertj.core.data.Offset.offset(1e-15));
        assertThat(report.hitFrequency()).isBetween(0.0, 1.0);
        assertThat(report.standardDeviation()).isPositive();
        assertThat(report.maxWinMultiplier()).isGreaterThanOrEqualTo(report.rtp());
    }

    /** Every stop combination, one by one, through the engine itself. */
    static RtpReport bruteForce(SlotDefinition game) {
        long stake = game.stakeMin();
        long lineStake = stake / game.lineCount();
        int[] lengths = game.reels().stream().mapToInt(java.util.List::size).toArray();
        BigInteger sum = BigInteger.ZERO;
        BigInteger sumSquares = BigInteger.ZERO;
        long winning = 0;
        long max = 0;
        long combinations = 0;
        int[] stops = new int[5];
        for (stops[0] = 0; stops[0] < lengths[0]; stops[0]++) {
            for (stops[1] = 0; stops[1] < lengths[1]; stops[1]++) {
                for (stops[2] = 0; stops[2] < lengths[2]; stops[2]++) {
                    for (stops[3] = 0; stops[3] < lengths[3]; stops[3]++) {
                        for (stops[4] = 0; stops[4] < lengths[4]; stops[4]++) {
                            long win = SlotEngine.evaluate(game, stops, stake).totalWin();
                            assertThat(win % lineStake).isZero();
                            long w = win / lineStake;
                            sum = sum.add(BigInteger.valueOf(w));
                            sumSquares = sumSquares.add(BigInteger.valueOf(w).pow(2));
                            winning += w > 0 ? 1 : 0;
                            max = Math.max(max, w);
                            combinations++;
                        }
                    }
                }
            }
        }
        return new RtpReport(game.id(), combinations, game.lineCount(), sum, sumSquares, winning, max);
    }
}
