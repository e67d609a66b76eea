package io.croupier.fraud.detect;

import io.croupier.check.Check;
import io.croupier.roulette.BetKind;
import io.croupier.roulette.RouletteWheel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one settled round says about pairs of players at a table, as pure functions: each player's net even-money
 * position, and for two players whether they covered opposite outcomes and how much value that moved between them.
 *
 * <p>A player's position on each of the three even-money choices is signed: + red / odd / low, − black / even /
 * high; a player who covers both sides of one choice holds only the difference. Two players are <em>opposed</em> on
 * a choice when their positions there have opposite signs; the stake matched against each other is the smaller of
 * the two. Whatever the wheel shows except zero, one of them wins that matched amount and the other loses it: value
 * moved from one to the other, through the house. On zero both lose: nothing moved between them.
 */
final class PairStats {

    /** One bet of a round, as the checks need it. */
    record EvenMoneyBet(long playerId, BetKind kind, long stake) {
    }

    /** A player's net positions: + red / odd / low, − black / even / high (minor units). */
    record Exposure(long colour, long parity, long range) {
        boolean isEmpty() {
            return colour == 0 && parity == 0 && range == 0;
        }

        long size() {
            return Math.abs(colour) + Math.abs(parity) + Math.abs(range);
        }
    }

    /** What one round added for one pair. {@code movedToHigher} is signed: negative moved to the lower id. */
    record PairRound(long opposedStake, long movedToHigher, long grossMoved) {
        boolean opposed() {
            return opposedStake > 0;
        }
    }

    private PairStats() {
    }

    /** Each player's even-money positions in a round; players with none (or fully hedged) are left out. */
    static Map<Long, Exposure> exposures(List<EvenMoneyBet> bets) {
        Map<Long, long[]> sums = new TreeMap<>();
        for (EvenMoneyBet b : bets) {
            int dimension = switch (b.kind()) {
                case RED, BLACK -> 0;
                case ODD, EVEN -> 1;
                case LOW, HIGH -> 2;
                default -> -1;
            };
            if (dimension < 0) {
                continue;
            }
            long signed = switch (b.kind()) {
                case RED, ODD, LOW -> b.stake();
                default -> -b.stake();
            };
            long[] s = sums.computeIfAbsent(b.playerId(), p -> new long[3]);
            s[dimension] = Math.addExact(s[dimension], signed);
        }
        Map<Long, Exposure> exposures = new TreeMap<>();
        sums.forEach((player, s) -> {
            Exposure e = new Exposure(s[0], s[1], s[2]);
            if (!e.isEmpty()) {
                exposures.put(player, e);
            }
        });
        return exposures;
    }

    /**
     * The players whose pairs are judged this round: at most {@code max}, the largest positions first (a crowded
     * table's pairs are bounded, {@code max²/2} at most), returned in ascending id order.
     */
    static List<Long> candidates(Map<Long, Exposure> exposures, int max) {
        List<Map.Entry<Long, Exposure>> entries = new ArrayList<>(exposures.entrySet());
        entries.sort(Comparator.<Map.Entry<Long, Exposure>>comparingLong(e -> e.getValue().size()).reversed()
                .thenComparingLong(Map.Entry::getKey));
        return entries.stream().limit(Math.max(0, max)).map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * What the round did between two players ({@code lower} is the lower id's position). A choice counts as opposed
     * only when the smaller position is at least {@code mirrorShareMin} of the larger: a pair covering both outcomes
     * stakes alike on each side, two strangers on opposite sides mostly do not; 0 counts every opposite position.
     */
    static PairRound pairRound(Exposure lower, Exposure higher, int number, double mirrorShareMin) {
        Check.argument(RouletteWheel.isNumber(number), "roulette number must be in 0..36, was " + number);
        long[] a = {lower.colour(), lower.parity(), lower.range()};
        long[] b = {higher.colour(), higher.parity(), higher.range()};
        boolean[] positiveWins = {RouletteWheel.isRed(number), number % 2 == 1, number >= 1 && number <= 18};
        long opposed = 0;
        long moved = 0;
        long gross = 0;
        for (int d = 0; d < 3; d++) {
            if (Long.signum(a[d]) * Long.signum(b[d]) >= 0) {
                continue;
            }
            long matched = Math.min(Math.abs(a[d]), Math.abs(b[d]));
            if (matched < mirrorShareMin * Math.max(Math.abs(a[d]), Math.abs(b[d]))) {
                continue;
            }
            opposed = Math.addExact(opposed, matched);
            if (number == 0) {
                continue;
            }
            boolean higherWon = (b[d] > 0) == positiveWins[d];
            moved = Math.addExact(moved, higherWon ? matched : -matched);
            gross = Math.addExact(gross, matched);
        }
        return new PairRound(opposed, moved, gross);
    }
}
