package io.croupier.fraud.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * TABLE_COLLUSION and CHIP_DUMPING over one pair's stats at one table ({@link TablePair}), as pure functions. The
 * subject names the pair and the table ({@code pair:17-42@eu-1}), so a pair found again updates its one alert.
 *
 * <ul>
 *   <li>{@link #collusion}: the pair held opposite even-money positions in at least
 *       {@code collusionOpposedRoundsMin} rounds and in at least {@code collusionOpposedShareMin} of the rounds both
 *       held one, and they played together: their rounds together are at least {@code collusionTogetherShareMin} of
 *       the rounds either of them played at the table since shortly before they met ({@code roundsEither}, counted
 *       by the caller from the table's bets only for a pair that passed the first two conditions). Covering both sides together turns the pair's play into a near-certain small loss (the zero) while
 *       each account shows large wagering — bonus and wagering-requirement abuse, or a way to pass money between
 *       accounts. MEDIUM for both (withdrawals held until review).</li>
 *   <li>{@link #chipDumping}: over at least {@code dumpingOpposedRoundsMin} opposed rounds, the net value moved one
 *       way is at least {@code dumpingNetMinorMin} and at least {@code dumpingOneSidedShareMin} of the gross. At a
 *       fair wheel neither player can choose an opposed round's direction (a coin flip), so past the thresholds a
 *       one-way flow means luck far in the tail or someone who knew outcomes. HIGH for the receiver (play blocked
 *       before the money can leave), MEDIUM for the sender (withdrawals held; it may be a victim).</li>
 * </ul>
 */
final class CollusionRule {

    private CollusionRule() {
    }

    /**
     * Both rules for one pair; the findings carry {@code eventAtMs}, the settlement that triggered the check.
     * {@code roundsEither}: see {@link #collusion}; 0 when not counted (the pair is not opposed enough to need it).
     */
    static List<Finding> judge(TablePairKey pair, TablePair stats, long roundsEither, long eventAtMs,
                               CollusionSettings settings) {
        List<Finding> findings = new ArrayList<>(collusion(pair, stats, roundsEither, eventAtMs, settings));
        findings.addAll(chipDumping(pair, stats, eventAtMs, settings));
        return findings;
    }

    /** Whether the pair is opposed often enough that {@code roundsEither} must be counted to judge collusion. */
    static boolean opposedEnough(TablePair stats, CollusionSettings settings) {
        return stats.roundsOpposed() >= settings.collusionOpposedRoundsMin()
                && stats.roundsOpposed() >= settings.collusionOpposedShareMin() * stats.roundsTogether();
    }

    /**
     * @param roundsEither rounds in which either player bet at the table, from {@code roundsTogether} rounds before
     *                     the pair's first round together to now (at least {@code roundsTogether} when counted)
     */
    static List<Finding> collusion(TablePairKey pair, TablePair stats, long roundsEither, long eventAtMs,
                                   CollusionSettings settings) {
        if (!opposedEnough(stats, settings)
                || stats.roundsTogether() < settings.collusionTogetherShareMin() * roundsEither) {
            return List.of();
        }
        String evidence = "players " + pair.lowerPlayerId() + " and " + pair.higherPlayerId() + " at table "
                + pair.tableId() + " covered opposite even-money outcomes in " + stats.roundsOpposed() + " of the "
                + stats.roundsTogether() + " rounds both bet on them (rounds " + stats.firstRoundNo() + ".."
                + stats.lastRoundNo() + "), of " + roundsEither + " rounds either played there; stake matched "
                + "against each other " + stats.stakeOpposed()
                + "; net moved " + flow(pair, stats) + " (gross " + stats.grossMoved() + ")";
        double share = (double) stats.roundsOpposed() / Math.max(1, stats.roundsTogether());
        return List.of(
                new Finding(pair.lowerPlayerId(), AlertRule.TABLE_COLLUSION, pair.subject(), Severity.MEDIUM,
                        share, evidence, eventAtMs),
                new Finding(pair.higherPlayerId(), AlertRule.TABLE_COLLUSION, pair.subject(), Severity.MEDIUM,
                        share, evidence, eventAtMs));
    }

    static List<Finding> chipDumping(TablePairKey pair, TablePair stats, long eventAtMs, CollusionSettings settings) {
        long net = Math.abs(stats.netToHigher());
        if (stats.roundsOpposed() < settings.dumpingOpposedRoundsMin() || net < settings.dumpingNetMinorMin()
                || net < settings.dumpingOneSidedShareMin() * stats.grossMoved()) {
            return List.of();
        }
        long receiver = stats.netToHigher() > 0 ? pair.higherPlayerId() : pair.lowerPlayerId();
        long sender = receiver == pair.higherPlayerId() ? pair.lowerPlayerId() : pair.higherPlayerId();
        String evidence = "at table " + pair.tableId() + " net " + net + " moved from player " + sender
                + " to player " + receiver + " over " + stats.roundsOpposed() + " opposed rounds (rounds "
                + stats.firstRoundNo() + ".." + stats.lastRoundNo() + "), " + percent(net, stats.grossMoved())
                + " of the gross " + stats.grossMoved() + " moved between them";
        return List.of(
                new Finding(receiver, AlertRule.CHIP_DUMPING, pair.subject(), Severity.HIGH, net, evidence, eventAtMs),
                new Finding(sender, AlertRule.CHIP_DUMPING, pair.subject(), Severity.MEDIUM, net, evidence,
                        eventAtMs));
    }

    private static String flow(TablePairKey pair, TablePair stats) {
        long net = stats.netToHigher();
        if (net == 0) {
            return "0";
        }
        return Math.abs(net) + " to player " + (net > 0 ? pair.higherPlayerId() : pair.lowerPlayerId());
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "100 %" : (part * 100 / whole) + " %";
    }
}
