package io.croupier.roulette;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which selections the betting layout allows, and which numbers they cover. The layout has 1..36 in 12 rows of
 * three (row r holds 3r-2, 3r-1, 3r) and three columns (n % 3 == 1, 2, 0), with 0 across the top of the three
 * columns, so 0 borders 1, 2 and 3.
 */
final class TableLayout {
    private static final int ROWS = 12;

    private TableLayout() {
    }

    /**
     * The canonical (ascending) form of a selection, or empty when the layout has no such bet. A missing (null)
     * selection reads as the empty one, which is what outside bets without a parameter send.
     */
    static Optional<List<Integer>> canonicalSelection(BetKind kind, int[] selection) {
        int[] s = selection == null ? new int[0] : selection.clone();
        Arrays.sort(s);
        if (s.length != selectionSize(kind) || !isAllowed(kind, s)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(s).boxed().toList());
    }

    /** Whether a bet of this kind on this (canonical, valid) selection wins when {@code number} comes up. */
    static boolean covers(BetKind kind, List<Integer> selection, int number) {
        return switch (kind) {
            case STRAIGHT, SPLIT, STREET, CORNER, SIX_LINE -> selection.contains(number);
            case DOZEN -> number != 0 && (number - 1) / 12 + 1 == selection.get(0);
            case COLUMN -> number != 0 && column(number) == selection.get(0);
            case RED -> RouletteWheel.isRed(number);
            case BLACK -> RouletteWheel.isBlack(number);
            case ODD -> number != 0 && number % 2 == 1;
            case EVEN -> number != 0 && number % 2 == 0;
            case LOW -> number >= 1 && number <= 18;
            case HIGH -> number >= 19;
        };
    }

    static int selectionSize(BetKind kind) {
        return switch (kind) {
            case STRAIGHT, DOZEN, COLUMN -> 1;
            case SPLIT -> 2;
            case STREET -> 3;
            case CORNER -> 4;
            case SIX_LINE -> 6;
            case RED, BLACK, ODD, EVEN, LOW, HIGH -> 0;
        };
    }

    /** 1, 2 or 3 for numbers 1..36. */
    static int column(int number) {
        return number % 3 == 0 ? 3 : number % 3;
    }

    /** {@code s} is sorted and of the kind's size. Duplicates fail the adjacency tests below. */
    private static boolean isAllowed(BetKind kind, int[] s) {
        for (int n : s) {
            if (!RouletteWheel.isNumber(n)) {
                return false;
            }
        }
        return switch (kind) {
            case STRAIGHT -> true;
            case SPLIT -> isSplit(s[0], s[1]);
            case STREET -> isRowStart(s[0]) && s[1] == s[0] + 1 && s[2] == s[0] + 2
                    || s[0] == 0 && s[1] == 1 && s[2] == 2
                    || s[0] == 0 && s[1] == 2 && s[2] == 3;
            case CORNER -> s[0] >= 1 && column(s[0]) != 3 && s[3] <= 36
                    && s[1] == s[0] + 1 && s[2] == s[0] + 3 && s[3] == s[0] + 4
                    || s[0] == 0 && s[1] == 1 && s[2] == 2 && s[3] == 3;
            case SIX_LINE -> isRowStart(s[0]) && s[0] <= 3 * (ROWS - 1) - 2 && isRun(s);
            case DOZEN, COLUMN -> s[0] >= 1 && s[0] <= 3;
            case RED, BLACK, ODD, EVEN, LOW, HIGH -> true;
        };
    }

    /** Two numbers side by side in a row, one above the other, or zero and one of 1, 2, 3. */
    private static boolean isSplit(int low, int high) {
        if (low == 0) {
            return high >= 1 && high <= 3;
        }
        boolean sameRow = high == low + 1 && column(low) != 3;
        boolean sameColumn = high == low + 3;
        return sameRow || sameColumn;
    }

    private static boolean isRowStart(int n) {
        return n >= 1 && column(n) == 1;
    }

    private static boolean isRun(int[] s) {
        for (int i = 1; i < s.length; i++) {
            if (s[i] != s[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }
}
