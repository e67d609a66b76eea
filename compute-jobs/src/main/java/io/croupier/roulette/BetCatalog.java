package io.croupier.roulette;

import java.util.ArrayList;
import java.util.List;

/**
 * Every position the layout allows, built from the layout's geometry rather than by searching, so it can check the
 * selection rules independently: 37 straights, 60 splits, 14 streets (with the two trios), 23 corners (with the first
 * four), 11 six lines, 3 dozens, 3 columns and the 6 even-money bets, 157 in all.
 */
public final class BetCatalog {
    private static final int ROWS = 12;

    private BetCatalog() {
    }

    public static List<BetPosition> allPositions() {
        List<BetPosition> positions = new ArrayList<>();
        for (int n = RouletteWheel.NUMBER_MIN; n <= RouletteWheel.NUMBER_MAX; n++) {
            positions.add(position(BetKind.STRAIGHT, n));
        }
        for (int n = 1; n <= 3; n++) {
            positions.add(position(BetKind.SPLIT, 0, n));
        }
        for (int n = 1; n <= 36; n++) {
            if (TableLayout.column(n) != 3) {
                positions.add(position(BetKind.SPLIT, n, n + 1));
            }
            if (n + 3 <= 36) {
                positions.add(position(BetKind.SPLIT, n, n + 3));
            }
        }
        positions.add(position(BetKind.STREET, 0, 1, 2));
        positions.add(position(BetKind.STREET, 0, 2, 3));
        for (int row = 1; row <= ROWS; row++) {
            int first = 3 * row - 2;
            positions.add(position(BetKind.STREET, first, first + 1, first + 2));
        }
        positions.add(position(BetKind.CORNER, 0, 1, 2, 3));
        for (int row = 1; row < ROWS; row++) {
            for (int column = 1; column <= 2; column++) {
                int n = 3 * row - 3 + column;
                positions.add(position(BetKind.CORNER, n, n + 1, n + 3, n + 4));
            }
        }
        for (int row = 1; row < ROWS; row++) {
            int f = 3 * row - 2;
            positions.add(position(BetKind.SIX_LINE, f, f + 1, f + 2, f + 3, f + 4, f + 5));
        }
        for (int group = 1; group <= 3; group++) {
            positions.add(position(BetKind.DOZEN, group));
            positions.add(position(BetKind.COLUMN, group));
        }
        for (BetKind kind : List.of(BetKind.RED, BetKind.BLACK, BetKind.ODD, BetKind.EVEN, BetKind.LOW, BetKind.HIGH)) {
            positions.add(position(kind));
        }
        return List.copyOf(positions);
    }

    /** One bet of {@code stakeMinor} on every position the layout allows. */
    public static List<RouletteBet> allValidBets(long stakeMinor) {
        return allPositions().stream().map(p -> new RouletteBet(p, stakeMinor)).toList();
    }

    private static BetPosition position(BetKind kind, int... selection) {
        return BetPosition.of(kind, selection).orElseThrow(
                () -> new IllegalStateException("catalog built an invalid " + kind + " position"));
    }
}
