package io.croupier.slots;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Exact statistics of a slot game over all reel stop combinations, each equally likely. A spin's return X is its
 * total win divided by its total stake; sums are kept in line stakes (W = X × lines, an integer), so every figure
 * here is an exact rational.
 *
 * @param gameId                 the game
 * @param combinations           N, the number of stop combinations (product of the strip lengths)
 * @param lines                  L, the number of paylines
 * @param sumWinLineStakes       Σ W over all combinations
 * @param sumSquaredWinLineStakes Σ W² over all combinations
 * @param winningCombinations    combinations with W > 0
 * @param maxWinLineStakes       the largest W
 */
public record RtpReport(String gameId, long combinations, int lines, BigInteger sumWinLineStakes,
                        BigInteger sumSquaredWinLineStakes, long winningCombinations, long maxWinLineStakes) {
    private static final MathContext DOUBLE = MathContext.DECIMAL64;

    /** Numerator of the exact RTP E[X] = ΣW / (L·N), reduced. */
    public BigInteger rtpNumerator() {
        return sumWinLineStakes.divide(rtpGcd());
    }

    /** Denominator of the exact RTP, reduced. */
    public BigInteger rtpDenominator() {
        return rtpDenominatorUnreduced().divide(rtpGcd());
    }

    /** The RTP to {@code digits} significant digits, rounded half-even. */
    public BigDecimal rtp(int digits) {
        return new BigDecimal(sumWinLineStakes).divide(new BigDecimal(rtpDenominatorUnreduced()), new MathContext(digits));
    }

    public double rtp() {
        return rtp(DOUBLE.getPrecision()).doubleValue();
    }

    /** P(total win > 0). */
    public double hitFrequency() {
        return (double) winningCombinations / combinations;
    }

    /** Numerator of the exact variance of X: N·ΣW² − (ΣW)², over the denominator L²·N². */
    public BigInteger varianceNumerator() {
        BigInteger n = BigInteger.valueOf(combinations);
        return n.multiply(sumSquaredWinLineStakes).subtract(sumWinLineStakes.multiply(sumWinLineStakes));
    }

    public BigInteger varianceDenominator() {
        BigInteger ln = BigInteger.valueOf(lines).multiply(BigInteger.valueOf(combinations));
        return ln.multiply(ln);
    }

    /** Variance of the return per unit stake. */
    public double variance() {
        return new BigDecimal(varianceNumerator()).divide(new BigDecimal(varianceDenominator()), DOUBLE).doubleValue();
    }

    /** Standard deviation of the return per unit stake. */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** The largest total win as a multiple of the total stake. */
    public double maxWinMultiplier() {
        return (double) maxWinLineStakes / lines;
    }

    private BigInteger rtpDenominatorUnreduced() {
        return BigInteger.valueOf(lines).multiply(BigInteger.valueOf(combinations));
    }

    private BigInteger rtpGcd() {
        BigInteger gcd = sumWinLineStakes.gcd(rtpDenominatorUnreduced());
        return gcd.signum() == 0 ? BigInteger.ONE : gcd;
    }

    @Override
    public String toString() {
        return String.format("%s: combinations=%d RTP=%s (%s/%s) hitFrequency=%.6f SD=%.6f maxWin=%.2fx",
                gameId, combinations, rtp(12).toPlainString(), rtpNumerator(), rtpDenominator(), hitFrequency(),
                standardDeviation(), maxWinMultiplier());
    }
}
