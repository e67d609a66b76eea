package io.croupier.roulette;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BetCatalogTest {

    @Test
    void theLayoutHasTheKnownNumberOfPositionsOfEachKind() {
        Map<BetKind, Long> counts = BetCatalog.allPositions().stream()
                .collect(groupingBy(BetPosition::kind, counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(BetKind.STRAIGHT, 37L), Map.entry(BetKind.SPLIT, 60L), Map.entry(BetKind.STREET, 14L),
                Map.entry(BetKind.CORNER, 23L), Map.entry(BetKind.SIX_LINE, 11L), Map.entry(BetKind.DOZEN, 3L),
                Map.entry(BetKind.COLUMN, 3L), Map.entry(BetKind.RED, 1L), Map.entry(BetKind.BLACK, 1L),
                Map.entry(BetKind.ODD, 1L), Map.entry(BetKind.EVEN, 1L), Map.entry(BetKind.LOW, 1L),
                Map.entry(BetKind.HIGH, 1L)));
        assertThat(BetCatalog.allPositions()).hasSize(157).doesNotHaveDuplicates();
    }

    /** The catalog is built from geometry; the validator from rules. Every sorted candidate must agree. */
    @Test
    void theValidatorAcceptsExactlyTheCatalogPositions() {
        Set<BetPosition> accepted = new HashSet<>();
        for (BetKind kind : BetKind.values()) {
            int size = TableLayout.selectionSize(kind);
            forEachCombination(size, -1, 4, candidate ->
                    BetPosition.of(kind, candidate).ifPresent(accepted::add));
        }
        assertThat(accepted).containsExactlyInAnyOrderElementsOf(BetCatalog.allPositions());
    }

    @Test
    void everyPositionCoversAsManyNumbersAsItsKindSays() {
        for (BetPosition position : BetCatalog.allPositions()) {
            long covered = IntStream.rangeClosed(0, 36).filter(position::covers).count();
            assertThat(covered).as(position.toString()).isEqualTo(position.kind().numbersCovered());
        }
    }

    /**
     * The house edge: over the 37 equally likely numbers every bet returns 36 stakes in total, so the player loses
     * one stake per 37 spins, an expected return of 36/37.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 100, 12_345})
    void everyValidBetReturnsThirtySixThirtySeventhsOfItsStake(long stake) {
        for (RouletteBet bet : BetCatalog.allValidBets(stake)) {
            long returned = 0;
            for (int n = RouletteWheel.NUMBER_MIN; n <= RouletteWheel.NUMBER_MAX; n++) {
                returned += bet.winnings(n);
            }
            assertThat(returned - RouletteWheel.POCKETS * stake).as(bet.toString()).isEqualTo(-stake);
        }
    }

    /**
     * Calls {@code action} with every strictly ascending array of {@code size} numbers from {@code min}..36 + extra,
     * so values just off the wheel are tried too.
     */
    private static void forEachCombination(int size, int min, int extra, Consumer<int[]> action) {
        int[] current = new int[size];
        fill(current, 0, min, RouletteWheel.NUMBER_MAX + extra, action);
    }

    private static void fill(int[] current, int index, int from, int max, Consumer<int[]> action) {
        if (index == current.length) {
            action.accept(current);
            return;
        }
        for (int n = from; n <= max; n++) {
            current[index] = n;
            fill(current, index + 1, n + 1, max, action);
        }
    }
}
