package io.croupier.roulette;

import java.util.Optional;

/**
 * The European roulette bets. {@link #payout()} is the amount won per unit staked besides the stake returned, so a
 * winning bet returns {@code stake × (payout + 1)}. For every kind {@code (payout + 1) × numbersCovered = 36}: each
 * bet returns 36/37 of its stake on average, the single zero being the house's edge.
 */
public enum BetKind {
    STRAIGHT(35, 1, true),
    SPLIT(17, 2, true),
    /** A row of three, or one of the trios 0-1-2 and 0-2-3. */
    STREET(11, 3, true),
    /** A 2×2 square, or the first four 0-1-2-3. */
    CORNER(8, 4, true),
    SIX_LINE(5, 6, true),
    DOZEN(2, 12, false),
    COLUMN(2, 12, false),
    RED(1, 18, false),
    BLACK(1, 18, false),
    ODD(1, 18, false),
    EVEN(1, 18, false),
    /** 1 to 18. */
    LOW(1, 18, false),
    /** 19 to 36. */
    HIGH(1, 18, false);

    private final int payout;
    private final int numbersCovered;
    private final boolean inside;

    BetKind(int payout, int numbersCovered, boolean inside) {
        this.payout = payout;
        this.numbersCovered = numbersCovered;
        this.inside = inside;
    }

    /** Amount won per unit staked, besides the stake returned (35 for a straight: "35 to 1"). */
    public int payout() {
        return payout;
    }

    /** How many of the 37 numbers a bet of this kind wins on. */
    public int numbersCovered() {
        return numbersCovered;
    }

    /** Inside bets name their numbers on the layout; outside bets name a group (dozen, column, colour, …). */
    public boolean isInside() {
        return inside;
    }

    /** The kind with exactly this name (as sent by clients, e.g. {@code "SIX_LINE"}); empty for anything else. */
    public static Optional<BetKind> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (BetKind kind : values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
