package io.croupier.fraud.detect;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.within;

import io.croupier.roulette.BetKind;
import io.croupier.roulette.RouletteBet;
import io.croupier.roulette.RoundStake;
import io.croupier.wallet.OperationKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The activity fold: idempotence by watermark, windows, bounds; and the games' exact profiles. */
class PlayerActivityTest {
    private static final long DAY_MS = 86_400_000L;

    private static ActivityEvent event(String key, OperationKind kind, long amount, long atMs) {
        return new ActivityEvent(1, key, kind, amount, 0, null, atMs);
    }

    @Test
    void anEventAlreadyFoldedInIsCoveredAndALaterOneIsNot() {
        ActivityEvent a = event("a", OperationKind.DEPOSIT, 100, 1_000);
        ActivityEvent b = event("b", OperationKind.DEPOSIT, 100, 1_000);
        PlayerActivity after = PlayerActivity.NONE.after(a, null, DAY_MS, 10);
        assertThat(after.covers(a)).isTrue();
        assertThat(after.covers(b)).as("same millisecond, another key").isFalse();
        after = after.after(b, null, DAY_MS, 10);
        assertThat(after.covers(b)).isTrue();
        assertThat(after.covers(event("old", OperationKind.DEPOSIT, 1, 999))).isTrue();
        assertThat(after.covers(event("new", OperationKind.DEPOSIT, 1, 1_001))).isFalse();
        assertThat(after.transfers()).isEqualTo(2);
    }

    @Test
    void wageringSinceADepositIsTheStakesAfterItAndVoidsGiveStakesBack() {
        PlayerActivity a = PlayerActivity.NONE
                .after(event("s0", OperationKind.BET, 500, 1), null, DAY_MS, 10)
                .after(event("d", OperationKind.DEPOSIT, 10_000, 2), null, DAY_MS, 10)
                .after(event("s1", OperationKind.BET, 300, 3), null, DAY_MS, 10)
                .after(event("s2", OperationKind.SPIN, 200, 4), null, DAY_MS, 10)
                .after(event("v", OperationKind.VOID, 300, 5), null, DAY_MS, 10);
        assertThat(a.wageredSinceFirstDepositMinor(0, 10)).isEqualTo(200);
        assertThat(a.depositsMinor(0, 10)).isEqualTo(10_000);
    }

    @Test
    void cashierEventsOlderThanTheRetentionAndBeyondTheBoundAreDropped() {
        PlayerActivity a = PlayerActivity.NONE.after(event("old", OperationKind.DEPOSIT, 1, 0), null, DAY_MS, 10)
                .after(event("new", OperationKind.WITHDRAW, 1, DAY_MS + 1), null, DAY_MS, 10);
        assertThat(a.cashierEvents()).isEqualTo(1);
        for (int i = 0; i < PlayerActivity.CASHIER_EVENTS_MAX + 10; i++) {
            a = a.after(event("d" + i, OperationKind.DEPOSIT, 1, DAY_MS + 2 + i), null, DAY_MS, 10);
        }
        assertThat(a.cashierEvents()).isEqualTo(PlayerActivity.CASHIER_EVENTS_MAX);
    }

    @Test
    void aSingleRouletteBetReturns36Over37OfItsStakeWithTheVarianceOfItsKind() {
        for (BetKind kind : BetKind.values()) {
            int[] selection = switch (kind) {
                case STRAIGHT -> new int[] {7};
                case SPLIT -> new int[] {7, 8};
                case STREET -> new int[] {7, 8, 9};
                case CORNER -> new int[] {7, 8, 10, 11};
                case SIX_LINE -> new int[] {7, 8, 9, 10, 11, 12};
                case DOZEN, COLUMN -> new int[] {2};
                default -> new int[0];
            };
            double[] m = RoundStake.moments(List.of(RouletteBet.of(kind, 1, selection)));
            double k = kind.numbersCovered();
            assertThat(m[0]).as(kind.name()).isCloseTo(36.0 / 37.0, within(1e-12));
            // Returns 36/k with probability k/37: E[R²] = 36²/(37·k).
            assertThat(m[1]).as(kind.name()).isCloseTo(1296.0 / (37.0 * k) - (36.0 / 37.0) * (36.0 / 37.0),
                    within(1e-12));
        }
    }

    @Test
    void aRouletteRoundsStakesAddUpToTheExactMomentsOfAllItsBetsAndItsWinCountsOnce() {
        List<RouletteBet> first = List.of(RouletteBet.of(BetKind.RED, 1_000),
                RouletteBet.of(BetKind.STRAIGHT, 500, 17));
        List<RouletteBet> second = List.of(RouletteBet.of(BetKind.RED, 1_000));
        RoundStake a = RoundStake.of(1, "a", List.of(), first);
        RoundStake b = RoundStake.of(1, "b", first, second);
        double[] all = RoundStake.moments(List.of(RouletteBet.of(BetKind.RED, 2_000),
                RouletteBet.of(BetKind.STRAIGHT, 500, 17)));
        assertThat(a.firstOfRound()).isTrue();
        assertThat(b.firstOfRound()).isFalse();

        PlayerActivity activity = PlayerActivity.NONE;
        for (RoundStake s : List.of(a, b)) {
            ActivityEvent bet = new ActivityEvent(1, s.idempotencyKey(), OperationKind.BET, 1_000, 0, "roulette:t:1",
                    s == a ? 10 : 11);
            activity = activity.afterRouletteStake(bet, s.expectedReturnDeltaMinor(), s.returnVarianceDeltaMinor2(),
                    s.firstOfRound(), DAY_MS);
        }
        assertThat(activity.rounds()).isEqualTo(1);
        assertThat(activity.expectedWinMinor()).isCloseTo(all[0], within(1e-6));
        assertThat(activity.wageredMinor()).isEqualTo(2_000);
        activity = activity.after(new ActivityEvent(1, "settle", OperationKind.WIN, 22_000, 0, "roulette:t:1", 20),
                null, DAY_MS, 10);
        assertThat(activity.roundWinMinor()).isEqualTo(22_000);
        assertThat(activity.winRateZ()).isCloseTo((22_000 - all[0]) / Math.sqrt(all[1]), within(1e-9));
        PlayerActivity again = activity.after(new ActivityEvent(1, "settle-2", OperationKind.WIN, 5_000, 0,
                "roulette:t:1", 21), null, DAY_MS, 10);
        assertThat(again.roundWinMinor()).as("a round's payout counts once").isEqualTo(22_000);
        PlayerActivity other = activity.after(new ActivityEvent(1, "w", OperationKind.WIN, 5_000, 0, "game-9", 22),
                null, DAY_MS, 10);
        assertThat(other.roundWinMinor()).as("a win of no judged stake").isEqualTo(22_000);
    }

    @Test
    void theMomentsOfRedAndBlackTogetherAreThoseOfLosingOnlyOnZero() {
        double[] m = RoundStake.moments(List.of(RouletteBet.of(BetKind.RED, 100), RouletteBet.of(BetKind.BLACK, 100)));
        assertThat(m[0]).isCloseTo(200 * 36 / 37.0, within(1e-9));
        assertThat(m[1]).isCloseTo(200.0 * 200 * 36 / 37.0 * (1 / 37.0), within(1e-6));
    }
}
