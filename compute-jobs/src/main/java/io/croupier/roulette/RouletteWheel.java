package io.croupier.roulette;

import io.croupier.check.Check;

/** The single-zero (European) wheel: 37 pockets numbered 0..36, zero green, the rest red or black. */
public final class RouletteWheel {
    public static final int NUMBER_MIN = 0;
    public static final int NUMBER_MAX = 36;
    /** Pockets on the wheel; every number is equally likely, so this is also the denominator of all odds. */
    public static final int POCKETS = NUMBER_MAX - NUMBER_MIN + 1;

    /** Bit n is set when number n is red. */
    private static final long RED_MASK = mask(1, 3, 5, 7, 9, 12, 14, 16, 18, 19, 21, 23, 25, 27, 30, 32, 34, 36);

    /** Pocket colours; their names are the strings sent to clients. */
    public enum Color { GREEN, RED, BLACK }

    private RouletteWheel() {
    }

    public static boolean isNumber(int number) {
        return number >= NUMBER_MIN && number <= NUMBER_MAX;
    }

    public static boolean isRed(int number) {
        requireNumber(number);
        return (RED_MASK >>> number & 1L) != 0;
    }

    public static boolean isBlack(int number) {
        return number != 0 && !isRed(number);
    }

    public static Color color(int number) {
        if (number == 0) {
            return Color.GREEN;
        }
        return isRed(number) ? Color.RED : Color.BLACK;
    }

    static void requireNumber(int number) {
        Check.argument(isNumber(number), "roulette number must be in 0..36, was " + number);
    }

    private static long mask(int... numbers) {
        long m = 0;
        for (int n : numbers) {
            m |= 1L << n;
        }
        return m;
    }
}
