package io.croupier.roulette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BetPositionTest {

    private static boolean valid(BetKind kind, int... selection) {
        return BetPosition.of(kind, selection).isPresent();
    }

    @Test
    void straightAcceptsEveryNumberOfTheWheelAndNothingElse() {
        assertThat(valid(BetKind.STRAIGHT, 0)).isTrue();
        assertThat(valid(BetKind.STRAIGHT, 36)).isTrue();
        assertThat(valid(BetKind.STRAIGHT, 37)).isFalse();
        assertThat(valid(BetKind.STRAIGHT, -1)).isFalse();
        assertThat(valid(BetKind.STRAIGHT)).isFalse();
        assertThat(valid(BetKind.STRAIGHT, 1, 2)).isFalse();
    }

    @Test
    void splitAcceptsNeighboursInARowOrAColumnAndTheZeroSplits() {
        assertThat(valid(BetKind.SPLIT, 1, 2)).isTrue();
        assertThat(valid(BetKind.SPLIT, 2, 3)).isTrue();
        assertThat(valid(BetKind.SPLIT, 1, 4)).isTrue();
        assertThat(valid(BetKind.SPLIT, 33, 36)).isTrue();
        assertThat(valid(BetKind.SPLIT, 0, 1)).isTrue();
        assertThat(valid(BetKind.SPLIT, 0, 2)).isTrue();
        assertThat(valid(BetKind.SPLIT, 3, 0)).isTrue();
    }

    @Test
    void splitRejectsNumbersThatDoNotTouch() {
        assertThat(valid(BetKind.SPLIT, 1, 5)).as("diagonal").isFalse();
        assertThat(valid(BetKind.SPLIT, 3, 4)).as("across the end of a row").isFalse();
        assertThat(valid(BetKind.SPLIT, 0, 4)).isFalse();
        assertThat(valid(BetKind.SPLIT, 36, 39)).isFalse();
        assertThat(valid(BetKind.SPLIT, 5, 5)).isFalse();
        assertThat(valid(BetKind.SPLIT, 5)).isFalse();
    }

    @Test
    void streetAcceptsARowInAnyOrderAndTheTwoTrios() {
        assertThat(valid(BetKind.STREET, 4, 5, 6)).isTrue();
        assertThat(valid(BetKind.STREET, 6, 4, 5)).isTrue();
        assertThat(valid(BetKind.STREET, 34, 35, 36)).isTrue();
        assertThat(valid(BetKind.STREET, 0, 1, 2)).isTrue();
        assertThat(valid(BetKind.STREET, 0, 2, 3)).isTrue();
    }

    @Test
    void streetRejectsThreeNumbersThatAreNotARow() {
        assertThat(valid(BetKind.STREET, 2, 3, 4)).isFalse();
        assertThat(valid(BetKind.STREET, 0, 1, 3)).isFalse();
        assertThat(valid(BetKind.STREET, 1, 4, 7)).isFalse();
        assertThat(valid(BetKind.STREET, 4, 4, 5)).isFalse();
        assertThat(valid(BetKind.STREET, 35, 36, 37)).isFalse();
    }

    @Test
    void cornerAcceptsATwoByTwoSquareAndTheFirstFour() {
        assertThat(valid(BetKind.CORNER, 1, 2, 4, 5)).isTrue();
        assertThat(valid(BetKind.CORNER, 5, 6, 8, 9)).isTrue();
        assertThat(valid(BetKind.CORNER, 36, 35, 33, 32)).isTrue();
        assertThat(valid(BetKind.CORNER, 0, 1, 2, 3)).isTrue();
    }

    @Test
    void cornerRejectsFourNumbersThatAreNotASquare() {
        assertThat(valid(BetKind.CORNER, 2, 3, 4, 5)).isFalse();
        assertThat(valid(BetKind.CORNER, 3, 4, 6, 7)).as("wraps around the row end").isFalse();
        assertThat(valid(BetKind.CORNER, 1, 2, 3, 4)).isFalse();
        assertThat(valid(BetKind.CORNER, 0, 1, 2, 4)).isFalse();
        assertThat(valid(BetKind.CORNER, 35, 36, 38, 39)).isFalse();
    }

    @Test
    void sixLineAcceptsTwoAdjacentRows() {
        assertThat(valid(BetKind.SIX_LINE, 1, 2, 3, 4, 5, 6)).isTrue();
        assertThat(valid(BetKind.SIX_LINE, 36, 35, 34, 33, 32, 31)).isTrue();
    }

    @Test
    void sixLineRejectsSixNumbersThatAreNotTwoRows() {
        assertThat(valid(BetKind.SIX_LINE, 2, 3, 4, 5, 6, 7)).isFalse();
        assertThat(valid(BetKind.SIX_LINE, 0, 1, 2, 3, 4, 5)).isFalse();
        assertThat(valid(BetKind.SIX_LINE, 34, 35, 36, 37, 38, 39)).isFalse();
        assertThat(valid(BetKind.SIX_LINE, 1, 2, 3, 4, 5)).isFalse();
    }

    @Test
    void dozenAndColumnAcceptOneToThree() {
        for (BetKind kind : List.of(BetKind.DOZEN, BetKind.COLUMN)) {
            assertThat(valid(kind, 1)).isTrue();
            assertThat(valid(kind, 3)).isTrue();
            assertThat(valid(kind, 0)).isFalse();
            assertThat(valid(kind, 4)).isFalse();
            assertThat(valid(kind)).isFalse();
            assertThat(valid(kind, 1, 2)).isFalse();
        }
    }

    @Test
    void evenMoneyBetsTakeAnEmptyOrMissingSelectionOnly() {
        for (BetKind kind : List.of(BetKind.RED, BetKind.BLACK, BetKind.ODD, BetKind.EVEN, BetKind.LOW, BetKind.HIGH)) {
            assertThat(valid(kind)).isTrue();
            assertThat(BetPosition.of(kind, (int[]) null)).isPresent();
            assertThat(valid(kind, 1)).isFalse();
        }
    }

    @Test
    void theSameSpotInAnyOrderIsOneCanonicalPosition() {
        BetPosition a = BetPosition.of(BetKind.CORNER, 5, 1, 4, 2).orElseThrow();
        BetPosition b = BetPosition.of(BetKind.CORNER, 1, 2, 4, 5).orElseThrow();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.selection()).containsExactly(1, 2, 4, 5);
        assertThat(new BetPosition(BetKind.SPLIT, List.of(3, 0)).selection()).containsExactly(0, 3);
    }

    @Test
    void buildingAnInvalidPositionDirectlyIsAProgrammerError() {
        assertThatThrownBy(() -> new BetPosition(BetKind.SPLIT, List.of(1, 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouletteBet.of(BetKind.STRAIGHT, 100, 37))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSelectionCannotBeChangedAfterwards() {
        int[] numbers = {1, 2};
        BetPosition position = BetPosition.of(BetKind.SPLIT, numbers).orElseThrow();
        numbers[0] = 30;
        assertThat(position.selection()).containsExactly(1, 2);
        assertThatThrownBy(() -> position.selection().set(0, 7)).isInstanceOf(UnsupportedOperationException.class);
    }
}
