package io.croupier.roulette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RouletteWheelTest {

    @Test
    void zeroIsGreenAndNeitherRedNorBlack() {
        assertThat(RouletteWheel.color(0)).isEqualTo(RouletteWheel.Color.GREEN);
        assertThat(RouletteWheel.isRed(0)).isFalse();
        assertThat(RouletteWheel.isBlack(0)).isFalse();
    }

    @Test
    void eighteenNumbersAreRedAndEighteenBlack() {
        assertThat(IntStream.rangeClosed(0, 36).filter(RouletteWheel::isRed))
                .containsExactly(1, 3, 5, 7, 9, 12, 14, 16, 18, 19, 21, 23, 25, 27, 30, 32, 34, 36);
        assertThat(IntStream.rangeClosed(0, 36).filter(RouletteWheel::isBlack)).hasSize(18);
    }

    @Test
    void colorNamesAreTheClientStrings() {
        assertThat(RouletteWheel.color(1).name()).isEqualTo("RED");
        assertThat(RouletteWheel.color(2).name()).isEqualTo("BLACK");
        assertThat(RouletteWheel.color(0).name()).isEqualTo("GREEN");
    }

    @Test
    void numbersOutsideTheWheelAreProgrammerErrors() {
        assertThat(RouletteWheel.isNumber(37)).isFalse();
        assertThatThrownBy(() -> RouletteWheel.isRed(37)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouletteWheel.color(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
