package io.croupier.roulette;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BetValidationTest {
    private static final TableLimits LIMITS = new TableLimits(100, 10_000, 50_000, 200_000, 50);

    private static BetCheck check(String kind, long stake, int... selection) {
        return BetValidation.check(kind, selection, stake, LIMITS);
    }

    private static BetCheck.Rejected rejected(BetRejection reason) {
        return new BetCheck.Rejected(reason);
    }

    private static BetOrder order(String kind, long stake, int... selection) {
        return new BetOrder(kind, selection, stake);
    }

    @Test
    void aValidBetIsAcceptedInCanonicalForm() {
        BetCheck result = check("CORNER", 500, 5, 4, 2, 1);
        assertThat(result).isEqualTo(new BetCheck.Accepted(RouletteBet.of(BetKind.CORNER, 500, 1, 2, 4, 5)));
        assertThat(((BetCheck.Accepted) result).bet().selection()).containsExactly(1, 2, 4, 5);
    }

    @Test
    void anOutsideBetWithoutSelectionIsAccepted() {
        assertThat(check("RED", 100)).isInstanceOf(BetCheck.Accepted.class);
        assertThat(BetValidation.check("HIGH", null, 100, LIMITS)).isInstanceOf(BetCheck.Accepted.class);
    }

    @Test
    void anUnknownOrMissingKindNameIsRejected() {
        assertThat(check("BASKET", 100, 0, 1, 2, 3)).isEqualTo(rejected(BetRejection.UNKNOWN_BET_KIND));
        assertThat(check("straight", 100, 7)).isEqualTo(rejected(BetRejection.UNKNOWN_BET_KIND));
        assertThat(check("", 100)).isEqualTo(rejected(BetRejection.UNKNOWN_BET_KIND));
        assertThat(check(null, 100)).isEqualTo(rejected(BetRejection.UNKNOWN_BET_KIND));
    }

    @Test
    void aSelectionTheLayoutDoesNotHaveIsRejected() {
        assertThat(check("STRAIGHT", 100, 37)).isEqualTo(rejected(BetRejection.INVALID_SELECTION));
        assertThat(check("STRAIGHT", 100, -1)).isEqualTo(rejected(BetRejection.INVALID_SELECTION));
        assertThat(check("SPLIT", 100, 1, 5)).isEqualTo(rejected(BetRejection.INVALID_SELECTION));
        assertThat(check("SPLIT", 100, 3, 4)).isEqualTo(rejected(BetRejection.INVALID_SELECTION));
        assertThat(check("CORNER", 100, 2, 3, 4, 5)).isEqualTo(rejected(BetRejection.INVALID_SELECTION));
        assertThat(check("DOZEN", 100, 4)).isEqualTo(rejected(BetRejection.INVALID_SELECTION));
        assertThat(check("COLUMN", 100, 0)).isEqualTo(rejected(BetRejection.INVALID_SELECTION));
        assertThat(check("ODD", 100, 1)).isEqualTo(rejected(BetRejection.INVALID_SELECTION));
    }

    @Test
    void zeroNegativeAndTooSmallStakesAreBelowTheMinimum() {
        assertThat(check("RED", 99)).isEqualTo(rejected(BetRejection.STAKE_BELOW_MIN));
        assertThat(check("RED", 0)).isEqualTo(rejected(BetRejection.STAKE_BELOW_MIN));
        assertThat(check("RED", -100)).isEqualTo(rejected(BetRejection.STAKE_BELOW_MIN));
        assertThat(check("RED", Long.MIN_VALUE)).isEqualTo(rejected(BetRejection.STAKE_BELOW_MIN));
    }

    @Test
    void stakesAboveThePositionMaximumAreRejected() {
        assertThat(check("STRAIGHT", 10_000, 7)).isInstanceOf(BetCheck.Accepted.class);
        assertThat(check("STRAIGHT", 10_001, 7)).isEqualTo(rejected(BetRejection.STAKE_ABOVE_MAX));
        assertThat(check("SPLIT", 20_000, 7, 8)).isInstanceOf(BetCheck.Accepted.class);
        assertThat(check("SPLIT", 20_001, 7, 8)).isEqualTo(rejected(BetRejection.STAKE_ABOVE_MAX));
        assertThat(check("DOZEN", 50_000, 3)).isInstanceOf(BetCheck.Accepted.class);
        assertThat(check("BLACK", 50_001)).isEqualTo(rejected(BetRejection.STAKE_ABOVE_MAX));
        assertThat(check("BLACK", Long.MAX_VALUE)).isEqualTo(rejected(BetRejection.STAKE_ABOVE_MAX));
    }

    @Test
    void theKindIsJudgedBeforeTheSelectionAndTheSelectionBeforeTheStake() {
        assertThat(check("NOPE", 0, 99)).isEqualTo(rejected(BetRejection.UNKNOWN_BET_KIND));
        assertThat(check("STRAIGHT", 0, 99)).isEqualTo(rejected(BetRejection.INVALID_SELECTION));
    }

    @Test
    void aValidRequestIsAcceptedWithItsTotal() {
        RequestCheck result = BetValidation.checkRequest(
                List.of(order("STRAIGHT", 1_000, 17), order("RED", 5_000), order("SPLIT", 200, 2, 1)),
                List.of(), LIMITS);
        assertThat(result).isEqualTo(new RequestCheck.Accepted(List.of(
                RouletteBet.of(BetKind.STRAIGHT, 1_000, 17), RouletteBet.of(BetKind.RED, 5_000),
                RouletteBet.of(BetKind.SPLIT, 200, 1, 2)), 6_200));
    }

    @Test
    void anEmptyRequestIsRejected() {
        assertThat(BetValidation.checkRequest(List.of(), List.of(), LIMITS))
                .isEqualTo(new RequestCheck.Rejected(BetRejection.NO_BETS, RequestCheck.WHOLE_REQUEST));
    }

    @Test
    void aRequestWithMoreBetsThanAllowedIsRejectedWhole() {
        List<BetOrder> fifty = new ArrayList<>(Collections.nCopies(50, order("RED", 100)));
        assertThat(BetValidation.checkRequest(fifty, List.of(), LIMITS)).isInstanceOf(RequestCheck.Accepted.class);
        fifty.add(order("RED", 100));
        assertThat(BetValidation.checkRequest(fifty, List.of(), LIMITS))
                .isEqualTo(new RequestCheck.Rejected(BetRejection.TOO_MANY_BETS, RequestCheck.WHOLE_REQUEST));
    }

    @Test
    void aRequestIsRefusedWholeOnItsFirstInvalidBet() {
        RequestCheck result = BetValidation.checkRequest(
                List.of(order("RED", 100), order("SPLIT", 100, 3, 4), order("FOO", 100)), List.of(), LIMITS);
        assertThat(result).isEqualTo(new RequestCheck.Rejected(BetRejection.INVALID_SELECTION, 1));
    }

    @Test
    void chipsOnTheSamePositionAddUpAgainstItsMaximum() {
        RequestCheck result = BetValidation.checkRequest(
                List.of(order("STRAIGHT", 6_000, 7), order("STRAIGHT", 100, 8), order("STRAIGHT", 4_001, 7)),
                List.of(), LIMITS);
        assertThat(result).isEqualTo(new RequestCheck.Rejected(BetRejection.STAKE_ABOVE_MAX, 2));
    }

    @Test
    void betsAlreadyPlacedThisRoundCountAgainstThePositionMaximum() {
        List<RouletteBet> placed = List.of(RouletteBet.of(BetKind.CORNER, 39_000, 1, 2, 4, 5));
        assertThat(BetValidation.checkRequest(List.of(order("CORNER", 1_000, 5, 4, 2, 1)), placed, LIMITS))
                .isInstanceOf(RequestCheck.Accepted.class);
        assertThat(BetValidation.checkRequest(List.of(order("CORNER", 1_001, 5, 4, 2, 1)), placed, LIMITS))
                .isEqualTo(new RequestCheck.Rejected(BetRejection.STAKE_ABOVE_MAX, 0));
    }

    @Test
    void theRoundTotalIsBoundedOverEarlierAndNewBets() {
        List<RouletteBet> placed = List.of(RouletteBet.of(BetKind.RED, 50_000), RouletteBet.of(BetKind.BLACK, 50_000),
                RouletteBet.of(BetKind.ODD, 50_000));
        RequestCheck exactlyFull = BetValidation.checkRequest(
                List.of(order("EVEN", 40_000), order("LOW", 10_000)), placed, LIMITS);
        assertThat(exactlyFull).isEqualTo(new RequestCheck.Accepted(
                List.of(RouletteBet.of(BetKind.EVEN, 40_000), RouletteBet.of(BetKind.LOW, 10_000)), 50_000));
        RequestCheck over = BetValidation.checkRequest(
                List.of(order("EVEN", 40_000), order("LOW", 10_000), order("HIGH", 100)), placed, LIMITS);
        assertThat(over).isEqualTo(new RequestCheck.Rejected(BetRejection.TOTAL_ABOVE_MAX, 2));
    }

    @Test
    void everyCatalogPositionPassesValidationAtTheMinimumStake() {
        for (RouletteBet bet : BetCatalog.allValidBets(LIMITS.stakeMinorMin())) {
            int[] selection = bet.selection().stream().mapToInt(Integer::intValue).toArray();
            assertThat(BetValidation.check(bet.kind().name(), selection, bet.stakeMinor(), LIMITS))
                    .isEqualTo(new BetCheck.Accepted(bet));
        }
    }
}
