package io.croupier.check;

/**
 * Always-on checks for programmer errors. The JVM's {@code assert} is off by default, so invariants that
 * protect money are checked with these instead and fail loudly.
 */
public final class Check {
    private Check() {
    }

    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Invariant violated: " + message);
        }
    }

    public static void argument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
