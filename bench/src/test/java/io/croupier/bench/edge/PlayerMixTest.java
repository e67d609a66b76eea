package io.croupier.bench.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlayerMixTest {

    private static long count(int players, java.util.function.IntPredicate chosen) {
        return IntStream.range(0, players).filter(chosen).count();
    }

    @Test
    void sharesChooseExactlyTheirFractionOfPlayers() {
        PlayerMix mix = new PlayerMix(0.7, 0.2);
        assertThat(count(1000, mix::spins)).isEqualTo(700);
        assertThat(count(1000, mix::bets)).isEqualTo(200);
        assertThat(count(10, mix::bets)).isEqualTo(2);
    }

    @Test
    void everyPrefixOfPlayersHasTheMixWithinOnePlayer() {
        PlayerMix mix = new PlayerMix(0.3, 0.25);
        for (int n = 1; n <= 500; n++) {
            assertThat(count(n, mix::spins)).isBetween((long) Math.floor(n * 0.3) - 1, (long) Math.ceil(n * 0.3));
            assertThat(count(n, mix::bets)).isBetween((long) Math.floor(n * 0.25) - 1, (long) Math.ceil(n * 0.25));
        }
    }

    @Test
    void fullAndZeroSharesChooseEveryoneAndNoOne() {
        PlayerMix mix = new PlayerMix(1.0, 0.0);
        assertThat(IntStream.range(0, 100).allMatch(mix::spins)).isTrue();
        assertThat(IntStream.range(0, 100).noneMatch(mix::bets)).isTrue();
    }

    @Test
    void sharesOutsideZeroToOneOrBothZeroAreRefused() {
        assertThatThrownBy(() -> new PlayerMix(1.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlayerMix(-0.1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlayerMix(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
