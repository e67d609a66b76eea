package io.croupier.fraud.detect;

import io.croupier.check.Check;
import io.croupier.slots.RtpReport;

/**
 * What a game returns per unit staked, in theory: its RTP (the mean) and the variance of the return. A round of
 * stake s is then expected to win RTP·s with variance s²·variance, which is what the win-rate z-score needs.
 */
public record GameProfile(double rtp, double variancePerUnit) {
    public GameProfile {
        Check.argument(rtp > 0 && rtp < 10, "rtp must be in (0, 10)");
        Check.argument(variancePerUnit > 0, "variancePerUnit must be > 0");
    }

    /**
     * The win of one round as the win-rate sums count it: at most {@code sdMax} standard deviations above the
     * round's mean ({@code stake × (rtp + sdMax·√variance)}). One jackpot is not a pattern: without the cap a
     * single rare top win among a hundred rounds of a heavy-tailed slot would look like a cheat; a player who wins
     * more than the games allow does so round after round, under the cap. The cap only lowers Σwin, so it can only
     * make the rule more lenient.
     */
    public long cappedWinMinor(long stakeMinor, long winMinor, double sdMax) {
        double cap = stakeMinor * (rtp + sdMax * Math.sqrt(variancePerUnit));
        return cap >= winMinor ? winMinor : (long) cap;
    }

    /** A slot game, exactly, from the enumeration of all its reel stops ({@code RtpCalculator}). */
    public static GameProfile of(RtpReport report) {
        return new GameProfile(report.rtp(), report.variance());
    }
}
