package io.croupier.fraud.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.roulette.BetKind;
import io.croupier.wallet.OperationKind;
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
    void rouletteProfilesAreExactPerBetKind() {
        for (BetKind kind : BetKind.values()) {
            assertThat(GameProfile.roulette(kind).rtp()).as(kind.name()).isEqualTo(36.0 / 37.0);
        }
        // Straight: returns 36 with probability 1/37: E[R²] = 1296/37.
        assertThat(GameProfile.roulette(BetKind.STRAIGHT).variancePerUnit())
                .isEqualTo(1296.0 / 37.0 - (36.0 / 37.0) * (36.0 / 37.0));
        // Red: returns 2 with probability 18/37.
        assertThat(GameProfile.roulette(BetKind.RED).variancePerUnit())
                .isEqualTo(4.0 * 18.0 / 37.0 - (36.0 / 37.0) * (36.0 / 37.0));
    }
}
