package io.croupier.roulette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RouletteBetTest {
    private static final long STAKE = 100;

    /** One bet per kind with a number it wins on and one it loses on. */
    private record Case(RouletteBet bet, int winning, int losing) {
    }

    private static Case caseFor(BetKind kind) {
        return switch (kind) {
            case STRAIGHT -> new Case(RouletteBet.of(kind, STAKE, 17), 17, 18);
            case SPLIT -> new Case(RouletteBet.of(kind, STAKE, 0, 2), 0, 1);
            case STREET -> new Case(RouletteBet.of(kind, STAKE, 4, 5, 6), 6, 7);
            case CORNER -> new Case(RouletteBet.of(kind, STAKE, 1, 2, 4, 5), 5, 3);
            case SIX_LINE -> new Case(RouletteBet.of(kind, STAKE, 31, 32, 33, 34, 35, 36), 31, 30);
            case DOZEN -> new Case(RouletteBet.of(kind, STAKE, 2), 24, 25);
            case COLUMN -> new Case(RouletteBet.of(kind, STAKE, 3), 36, 35);
            case RED -> new Case(RouletteBet.of(kind, STAKE), 19, 20);
            case BLACK -> new Case(RouletteBet.of(kind, STAKE), 20, 19);
            case ODD -> new Case(RouletteBet.of(kind, STAKE), 35, 36);
            case EVEN -> new Case(RouletteBet.of(kind, STAKE), 36, 35);
            case LOW -> new Case(RouletteBet.of(kind, STAKE), 18, 19);
            case HIGH -> new Case(RouletteBet.of(kind, STAKE), 19, 18);
        };
    }

    @Test
    void payoutsAreTheEuropeanTable() {
        assertThat(List.of(BetKind.values())).extracting(BetKind::payout)
                .containsExactly(35, 17, 11, 8, 5, 2, 2, 1, 1, 1, 1, 1, 1);
    }

    @ParameterizedTest
    @EnumSource(BetKind.class)
    void everyKindPaysThirtySixOverNumbersCovered(BetKind kind) {
        assertThat((kind.payout() + 1) * kind.numbersCovered()).isEqualTo(RouletteWheel.POCKETS - 1);
    }

    @ParameterizedTest
    @EnumSource(BetKind.class)
    void aWinningBetReturnsStakeTimesPayoutPlusOne(BetKind kind) {
        Case c = caseFor(kind);
        assertThat(c.bet().winnings(c.winning())).isEqualTo(STAKE * (kind.payout() + 1));
    }

    @ParameterizedTest
    @EnumSource(BetKind.class)
    void aLosingBetReturnsNothing(BetKind kind) {
        Case c = caseFor(kind);
        assertThat(c.bet().winnings(c.losing())).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = BetKind.class, names = {"DOZEN", "COLUMN", "RED", "BLACK", "ODD", "EVEN", "LOW", "HIGH"})
    void zeroLosesEveryOutsideBetInFull(BetKind kind) {
        assertThat(caseFor(kind).bet().winnings(0)).isZero();
    }

    @Test
    void insideBetsOnZeroWinOnZero() {
        assertThat(RouletteBet.of(BetKind.STRAIGHT, STAKE, 0).winnings(0)).isEqualTo(3_600);
        assertThat(RouletteBet.of(BetKind.STREET, STAKE, 0, 1, 2).winnings(0)).isEqualTo(1_200);
        assertThat(RouletteBet.of(BetKind.CORNER, STAKE, 0, 1, 2, 3).winnings(3)).isEqualTo(900);
    }

    @Test
    void dozensAndColumnsCoverTheirTwelveNumbers() {
        assertThat(RouletteBet.of(BetKind.DOZEN, 1, 1).winnings(12)).isEqualTo(3);
        assertThat(RouletteBet.of(BetKind.DOZEN, 1, 1).winnings(13)).isZero();
        assertThat(RouletteBet.of(BetKind.DOZEN, 1, 3).winnings(25)).isEqualTo(3);
        assertThat(RouletteBet.of(BetKind.COLUMN, 1, 1).winnings(34)).isEqualTo(3);
        assertThat(RouletteBet.of(BetKind.COLUMN, 1, 2).winnings(35)).isEqualTo(3);
        assertThat(RouletteBet.of(BetKind.COLUMN, 1, 2).winnings(36)).isZero();
    }

    @Test
    void aReturnTooLargeForALongFailsLoudlyInsteadOfWrapping() {
        RouletteBet bet = RouletteBet.of(BetKind.STRAIGHT, Long.MAX_VALUE / 10, 7);
        assertThatThrownBy(() -> bet.winnings(7)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void nonPositiveStakesAndNumbersOffTheWheelAreProgrammerErrors() {
        assertThatThrownBy(() -> RouletteBet.of(BetKind.RED, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouletteBet.of(BetKind.RED, 1).winnings(37))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
