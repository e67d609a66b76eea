package io.croupier.fraud.detect;

import io.croupier.check.Check;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thresholds of TABLE_COLLUSION and CHIP_DUMPING, read from RISK_SETTING ({@link RiskSettingStore}) with these
 * defaults for each settled round, so {@code admin risk-set} applies from the next round on every node.
 *
 * @param collusionOpposedRoundsMin TABLE_COLLUSION: a pair opposed in at least this many rounds ...
 * @param collusionOpposedShareMin  ... and in at least this share of the rounds both held an even-money position ...
 * @param collusionTogetherShareMin ... and those rounds together are at least this share of the rounds either of them
 *                                  played at the table since shortly before they met: colluders arrive and leave
 *                                  together, strangers who each stay on one side overlap only in part
 * @param dumpingOpposedRoundsMin   CHIP_DUMPING is judged once a pair has been opposed in this many rounds ...
 * @param dumpingNetMinorMin        ... when the net value moved one way is at least this much (minor units) ...
 * @param dumpingOneSidedShareMin   ... and at least this share of the gross value moved between them
 * @param pairPlayersPerRoundMax    players (largest even-money positions first) whose pairs are judged per round
 * @param stakeMirrorShareMin       opposite positions count as opposed (for both rules) only when the smaller is at
 *                                  least this share of the larger: a pair covering both outcomes stakes alike
 */
public record CollusionSettings(long collusionOpposedRoundsMin, double collusionOpposedShareMin,
                                double collusionTogetherShareMin, long dumpingOpposedRoundsMin, long dumpingNetMinorMin, double dumpingOneSidedShareMin,
                                int pairPlayersPerRoundMax, double stakeMirrorShareMin) {
    public static final String COLLUSION_OPPOSED_ROUNDS_MIN = "collusion.opposedRoundsMin";
    public static final String COLLUSION_OPPOSED_SHARE_MIN = "collusion.opposedShareMin";
    public static final String COLLUSION_TOGETHER_SHARE_MIN = "collusion.togetherShareMin";
    public static final String DUMPING_OPPOSED_ROUNDS_MIN = "chipDumping.opposedRoundsMin";
    public static final String DUMPING_NET_MINOR_MIN = "chipDumping.netMinorMin";
    public static final String DUMPING_ONE_SIDED_SHARE_MIN = "chipDumping.oneSidedShareMin";
    public static final String PAIR_PLAYERS_PER_ROUND_MAX = "collusion.pairPlayersPerRoundMax";
    public static final String STAKE_MIRROR_SHARE_MIN = "collusion.stakeMirrorShareMin";
    /** Upper bound of {@code pairPlayersPerRoundMax}: 256 players are 32,640 pairs in one round's transaction. */
    static final int PAIR_PLAYERS_PER_ROUND_HARD_MAX = 256;

    public CollusionSettings {
        Check.argument(collusionOpposedRoundsMin >= 1 && dumpingOpposedRoundsMin >= 1, "rounds minima must be >= 1");
        Check.argument(collusionOpposedShareMin >= 0 && collusionOpposedShareMin <= 1, "share must be in 0..1");
        Check.argument(collusionTogetherShareMin >= 0 && collusionTogetherShareMin <= 1, "share must be in 0..1");
        Check.argument(dumpingOneSidedShareMin >= 0 && dumpingOneSidedShareMin <= 1, "share must be in 0..1");
        Check.argument(dumpingNetMinorMin >= 1, "dumpingNetMinorMin must be >= 1");
        Check.argument(stakeMirrorShareMin >= 0 && stakeMirrorShareMin <= 1, "share must be in 0..1");
        Check.argument(pairPlayersPerRoundMax >= 2 && pairPlayersPerRoundMax <= PAIR_PLAYERS_PER_ROUND_HARD_MAX,
                "pairPlayersPerRoundMax must be in 2.." + PAIR_PLAYERS_PER_ROUND_HARD_MAX);
    }

    /**
     * Opposed in 8 rounds and 70 % of the rounds together (players choosing sides at random are opposed in about
     * half), together in 80 % of the rounds either played (two strangers loyal to opposite sides meet the first two
     * conditions for as long as both stay, but rarely arrive and leave in the same round); dumping judged from 20 opposed rounds, where a fair wheel makes ≥ 80 % one-sided by chance about once
     * in 2,500 pairs, and only above 1,000.00 moved.
     */
    public static CollusionSettings defaults() {
        return new CollusionSettings(8, 0.70, 0.80, 20, 100_000, 0.80, 64, 0.90);
    }

    /** Every setting with its default, as {@link RiskSettingStore#writeDefaults} takes them. */
    public static Map<String, BigDecimal> defaultValues() {
        CollusionSettings d = defaults();
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put(COLLUSION_OPPOSED_ROUNDS_MIN, BigDecimal.valueOf(d.collusionOpposedRoundsMin));
        m.put(COLLUSION_OPPOSED_SHARE_MIN, BigDecimal.valueOf(d.collusionOpposedShareMin));
        m.put(COLLUSION_TOGETHER_SHARE_MIN, BigDecimal.valueOf(d.collusionTogetherShareMin));
        m.put(DUMPING_OPPOSED_ROUNDS_MIN, BigDecimal.valueOf(d.dumpingOpposedRoundsMin));
        m.put(DUMPING_NET_MINOR_MIN, BigDecimal.valueOf(d.dumpingNetMinorMin));
        m.put(DUMPING_ONE_SIDED_SHARE_MIN, BigDecimal.valueOf(d.dumpingOneSidedShareMin));
        m.put(PAIR_PLAYERS_PER_ROUND_MAX, BigDecimal.valueOf(d.pairPlayersPerRoundMax));
        m.put(STAKE_MIRROR_SHARE_MIN, BigDecimal.valueOf(d.stakeMirrorShareMin));
        return m;
    }

    /** The current values (a value made impossible by a bad {@code risk-set} is brought into range). */
    public static CollusionSettings read(RiskSettingStore store) {
        CollusionSettings d = defaults();
        return new CollusionSettings(
                Math.max(1, store.longValue(COLLUSION_OPPOSED_ROUNDS_MIN, d.collusionOpposedRoundsMin)),
                share(store.doubleValue(COLLUSION_OPPOSED_SHARE_MIN, d.collusionOpposedShareMin)),
                share(store.doubleValue(COLLUSION_TOGETHER_SHARE_MIN, d.collusionTogetherShareMin)),
                Math.max(1, store.longValue(DUMPING_OPPOSED_ROUNDS_MIN, d.dumpingOpposedRoundsMin)),
                Math.max(1, store.longValue(DUMPING_NET_MINOR_MIN, d.dumpingNetMinorMin)),
                share(store.doubleValue(DUMPING_ONE_SIDED_SHARE_MIN, d.dumpingOneSidedShareMin)),
                (int) Math.min(PAIR_PLAYERS_PER_ROUND_HARD_MAX,
                        Math.max(2, store.longValue(PAIR_PLAYERS_PER_ROUND_MAX, d.pairPlayersPerRoundMax))),
                share(store.doubleValue(STAKE_MIRROR_SHARE_MIN, d.stakeMirrorShareMin)));
    }

    private static double share(double value) {
        return Math.min(1, Math.max(0, value));
    }
}
