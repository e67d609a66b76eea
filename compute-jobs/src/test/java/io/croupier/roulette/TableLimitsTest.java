package io.croupier.roulette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableLimitsTest {
    private static final TableLimits LIMITS = new TableLimits(100, 10_000, 50_000, 200_000, 50);

    @Test
    void consistentLimitsAreAccepted() {
        assertThat(LIMITS.betsPerRequestMax()).isEqualTo(50);
        assertThat(new TableLimits(1, 1, 1, 1, 1)).isNotNull();
    }

    @Test
    void aStraightMayCarryTheStraightMaximum() {
        assertThat(LIMITS.stakeMinorMax(BetPosition.of(BetKind.STRAIGHT, 7).orElseThrow())).isEqualTo(10_000);
    }

    @Test
    void otherInsideBetsMayCarryTheStraightMaximumPerNumberCovered() {
        assertThat(LIMITS.stakeMinorMax(BetPosition.of(BetKind.SPLIT, 0, 1).orElseThrow())).isEqualTo(20_000);
        assertThat(LIMITS.stakeMinorMax(BetPosition.of(BetKind.STREET, 0, 2, 3).orElseThrow())).isEqualTo(30_000);
        assertThat(LIMITS.stakeMinorMax(BetPosition.of(BetKind.CORNER, 0, 1, 2, 3).orElseThrow())).isEqualTo(40_000);
        assertThat(LIMITS.stakeMinorMax(BetPosition.of(BetKind.SIX_LINE, 1, 2, 3, 4, 5, 6).orElseThrow()))
                .isEqualTo(60_000);
    }

    @Test
    void everyOutsideBetSharesTheOutsideMaximum() {
        assertThat(LIMITS.stakeMinorMax(BetPosition.of(BetKind.DOZEN, 1).orElseThrow())).isEqualTo(50_000);
        assertThat(LIMITS.stakeMinorMax(BetPosition.of(BetKind.COLUMN, 2).orElseThrow())).isEqualTo(50_000);
        assertThat(LIMITS.stakeMinorMax(BetPosition.of(BetKind.RED).orElseThrow())).isEqualTo(50_000);
    }

    @Test
    void aMinimumBelowOneIsRefused() {
        assertThatThrownBy(() -> new TableLimits(0, 10_000, 50_000, 200_000, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stakeMinorMin");
    }

    @Test
    void aMaximumBelowTheMinimumIsRefused() {
        assertThatThrownBy(() -> new TableLimits(100, 99, 50_000, 200_000, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("straightStakeMinorMax");
        assertThatThrownBy(() -> new TableLimits(100, 10_000, 99, 200_000, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outsideStakeMinorMax");
    }

    @Test
    void aRoundTotalBelowASingleBetMaximumIsRefused() {
        assertThatThrownBy(() -> new TableLimits(100, 10_000, 50_000, 49_999, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("roundTotalStakeMinorMax");
        assertThatThrownBy(() -> new TableLimits(100, 10_000, 5_000, 9_999, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("roundTotalStakeMinorMax");
    }

    @Test
    void aRoundTotalWhoseReturnsWouldOverflowIsRefused() {
        long tooLarge = Long.MAX_VALUE / 36 + 1;
        assertThatThrownBy(() -> new TableLimits(1, 1, 1, tooLarge, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflow");
        assertThat(new TableLimits(1, 1, 1, tooLarge - 1, 50)).isNotNull();
    }

    @Test
    void betsPerRequestOutsideItsBoundsAreRefused() {
        assertThatThrownBy(() -> new TableLimits(100, 10_000, 50_000, 200_000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("betsPerRequestMax");
        assertThatThrownBy(() -> new TableLimits(100, 10_000, 50_000, 200_000,
                TableLimits.BETS_PER_REQUEST_HARD_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("betsPerRequestMax");
    }
}
