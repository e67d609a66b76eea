package io.croupier.fraud.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.fraud.detect.PairStats.EvenMoneyBet;
import io.croupier.fraud.detect.PairStats.Exposure;
import io.croupier.fraud.detect.PairStats.PairRound;
import io.croupier.roulette.BetKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairStatsTest {
    private static final int RED_ODD_LOW = 1;
    private static final int BLACK_EVEN_LOW = 2;
    private static final int ZERO = 0;

    @Test
    void positionsAreNetPerEvenMoneyChoiceAndInsideBetsAndHedgedPlayersAreLeftOut() {
        Map<Long, Exposure> e = PairStats.exposures(List.of(
                new EvenMoneyBet(1, BetKind.RED, 500), new EvenMoneyBet(1, BetKind.BLACK, 200),
                new EvenMoneyBet(1, BetKind.HIGH, 100), new EvenMoneyBet(1, BetKind.STRAIGHT, 900),
                new EvenMoneyBet(2, BetKind.ODD, 300), new EvenMoneyBet(2, BetKind.EVEN, 300),
                new EvenMoneyBet(3, BetKind.DOZEN, 300)));
        assertThat(e).containsOnlyKeys(1L);
        assertThat(e.get(1L)).isEqualTo(new Exposure(300, 0, -100));
    }

    @Test
    void redAgainstBlackIsOpposedAndTheWinnerReceivesTheMatchedStake() {
        Exposure red = new Exposure(1_000, 0, 0);
        Exposure black = new Exposure(-400, 0, 0);

        PairRound redWins = PairStats.pairRound(red, black, RED_ODD_LOW, 0);
        assertThat(redWins).isEqualTo(new PairRound(400, -400, 400));
        assertThat(redWins.opposed()).isTrue();

        PairRound blackWins = PairStats.pairRound(red, black, BLACK_EVEN_LOW, 0);
        assertThat(blackWins).isEqualTo(new PairRound(400, 400, 400));
    }

    @Test
    void onZeroBothLoseAndNothingMovesBetweenThem() {
        PairRound r = PairStats.pairRound(new Exposure(100, 0, 0), new Exposure(-100, 0, 0), ZERO, 0);
        assertThat(r.opposed()).isTrue();
        assertThat(r.movedToHigher()).isZero();
        assertThat(r.grossMoved()).isZero();
    }

    @Test
    void theSameSideOrDifferentChoicesAreNotOpposed() {
        assertThat(PairStats.pairRound(new Exposure(100, 0, 0), new Exposure(300, 0, 0), RED_ODD_LOW, 0).opposed())
                .isFalse();
        assertThat(PairStats.pairRound(new Exposure(100, 0, 0), new Exposure(0, -300, 0), RED_ODD_LOW, 0).opposed())
                .as("red against even is no pairing").isFalse();
    }

    @Test
    void withAMirrorShareOnlyAlikeStakesOnOppositeSidesAreOpposed() {
        assertThat(PairStats.pairRound(new Exposure(100, 0, 0), new Exposure(-100, 0, 0), RED_ODD_LOW, 0.9).opposed())
                .as("100 against 100").isTrue();
        assertThat(PairStats.pairRound(new Exposure(100, 0, 0), new Exposure(-95, 0, 0), RED_ODD_LOW, 0.9).opposed())
                .as("95 against 100").isTrue();
        assertThat(PairStats.pairRound(new Exposure(1_000, 0, 0), new Exposure(-400, 0, 0), RED_ODD_LOW, 0.9)
                .opposed()).as("400 against 1,000").isFalse();
        assertThat(PairStats.pairRound(new Exposure(1_000, 0, 0), new Exposure(-400, 0, 0), RED_ODD_LOW, 0).opposed())
                .as("any opposite positions when the share is 0").isTrue();
    }

    @Test
    void eachChoiceCountsOnItsOwnAndDirectionsNet() {
        // colour: lower red 100 vs higher black 100; range: lower high 50 vs higher low 50. Number 1: red, low.
        PairRound r = PairStats.pairRound(new Exposure(100, 0, -50), new Exposure(-100, 0, 50), RED_ODD_LOW, 0);
        assertThat(r).isEqualTo(new PairRound(150, -100 + 50, 150));
    }

    @Test
    void aCrowdedRoundJudgesOnlyTheLargestPositions() {
        Map<Long, Exposure> e = Map.of(5L, new Exposure(10, 0, 0), 7L, new Exposure(-900, 0, 0),
                9L, new Exposure(0, 500, 0), 11L, new Exposure(0, 0, 20));
        assertThat(PairStats.candidates(e, 2)).containsExactly(7L, 9L);
        assertThat(PairStats.candidates(e, 64)).containsExactly(5L, 7L, 9L, 11L);
    }
}
