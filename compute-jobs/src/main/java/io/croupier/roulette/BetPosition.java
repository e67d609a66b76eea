package io.croupier.roulette;

import io.croupier.check.Check;
import java.util.List;
import java.util.Optional;

/**
 * Where chips lie on the layout: a bet kind and its selection in canonical (ascending) form, so two bets on the
 * same spot are equal however the client ordered the numbers. Only positions the layout allows can be built.
 */
public record BetPosition(BetKind kind, List<Integer> selection) {

    public BetPosition {
        Check.argument(kind != null, "bet kind must not be null");
        Check.argument(selection != null, "selection must not be null");
        int[] numbers = selection.stream().mapToInt(Integer::intValue).toArray();
        Optional<List<Integer>> canonical = TableLayout.canonicalSelection(kind, numbers);
        Check.argument(canonical.isPresent(), "not a valid " + kind + " selection: " + selection);
        selection = canonical.get();
    }

    /** The position for a selection in any order, or empty when the layout has no such bet. */
    public static Optional<BetPosition> of(BetKind kind, int... selection) {
        return TableLayout.canonicalSelection(kind, selection).map(s -> new BetPosition(kind, s));
    }

    public boolean covers(int number) {
        RouletteWheel.requireNumber(number);
        return TableLayout.covers(kind, selection, number);
    }
}
