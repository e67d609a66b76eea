package io.croupier.roulette;

import io.croupier.check.Check;
import java.util.List;

/** An accepted bet: a position on the layout and a stake in minor units. */
public record RouletteBet(BetPosition position, long stakeMinor) {

    public RouletteBet {
        Check.argument(position != null, "bet position must not be null");
        Check.argument(stakeMinor > 0, "stake must be > 0, was " + stakeMinor);
    }

    /** A bet on a selection in any order; the selection must be one the layout allows. */
    public static RouletteBet of(BetKind kind, long stakeMinor, int... selection) {
        BetPosition position = BetPosition.of(kind, selection).orElseThrow(
                () -> new IllegalArgumentException("not a valid " + kind + " selection"));
        return new RouletteBet(position, stakeMinor);
    }

    public BetKind kind() {
        return position.kind();
    }

    public List<Integer> selection() {
        return position.selection();
    }

    /**
     * What the bet returns when {@code number} comes up: {@code stake × (payout + 1)} (the win plus the stake) if it
     * covers the number, else 0. Zero loses every outside bet in full (no "la partage").
     */
    public long winnings(int number) {
        if (!position.covers(number)) {
            return 0;
        }
        return Math.multiplyExact(stakeMinor, kind().payout() + 1L);
    }
}
