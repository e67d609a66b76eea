package io.croupier.rg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Setting limits and breaks: tighter at once, looser after 24 hours, breaks never shortened. */
class RgLimitsTest {
    private static final long NOW_MS = Instant.parse("2026-01-31T12:00:00Z").toEpochMilli();
    private static final long HOUR_MS = 60 * 60 * 1_000L;

    @Test
    void aNewLimitAndALowerOneApplyAtOnce() {
        RgLimits.Change set = RgLimits.NONE.requested(LimitKind.DEPOSIT_DAY, 5_000L, NOW_MS);
        assertThat(set.event()).isEqualTo(RgEventKind.LIMIT_SET);
        assertThat(set.limits().limitAt(LimitKind.DEPOSIT_DAY, NOW_MS)).isEqualTo(5_000L);
        RgLimits.Change lower = set.limits().requested(LimitKind.DEPOSIT_DAY, 2_000L, NOW_MS + 1);
        assertThat(lower.event()).isEqualTo(RgEventKind.LIMIT_SET);
        assertThat(lower.limits().limitAt(LimitKind.DEPOSIT_DAY, NOW_MS + 1)).isEqualTo(2_000L);
        assertThat(lower.limits().pendingFrom(LimitKind.DEPOSIT_DAY)).isNull();
    }

    @Test
    void aHigherLimitOrARemovalIsPendingForTwentyFourHoursThenApplies() {
        RgLimits set = RgLimits.NONE.requested(LimitKind.LOSS_DAY, 1_000L, NOW_MS).limits();
        RgLimits.Change higher = set.requested(LimitKind.LOSS_DAY, 9_000L, NOW_MS);
        assertThat(higher.event()).isEqualTo(RgEventKind.LIMIT_INCREASE_PENDING);
        RgLimits pending = higher.limits();
        assertThat(pending.limitAt(LimitKind.LOSS_DAY, NOW_MS + 24 * HOUR_MS - 1)).isEqualTo(1_000L);
        assertThat(pending.limitAt(LimitKind.LOSS_DAY, NOW_MS + 24 * HOUR_MS)).isEqualTo(9_000L);
        assertThat(pending.settledAt(NOW_MS + 24 * HOUR_MS).limit(LimitKind.LOSS_DAY)).isEqualTo(9_000L);
        assertThat(pending.settledAt(NOW_MS + 24 * HOUR_MS).pendingFrom(LimitKind.LOSS_DAY)).isNull();
        assertThat(pending.settledAt(NOW_MS + 1)).isSameAs(pending);

        RgLimits.Change removal = set.requested(LimitKind.LOSS_DAY, null, NOW_MS);
        assertThat(removal.event()).isEqualTo(RgEventKind.LIMIT_INCREASE_PENDING);
        assertThat(removal.limits().limitAt(LimitKind.LOSS_DAY, NOW_MS)).isEqualTo(1_000L);
        assertThat(removal.limits().limitAt(LimitKind.LOSS_DAY, NOW_MS + 24 * HOUR_MS)).isNull();
    }

    @Test
    void askingForTheCurrentLimitWithdrawsAPendingIncreaseAndOtherwiseChangesNothing() {
        RgLimits set = RgLimits.NONE.requested(LimitKind.DEPOSIT_WEEK, 1_000L, NOW_MS).limits();
        assertThat(set.requested(LimitKind.DEPOSIT_WEEK, 1_000L, NOW_MS).event()).isNull();
        RgLimits pending = set.requested(LimitKind.DEPOSIT_WEEK, 3_000L, NOW_MS).limits();
        RgLimits.Change withdrawn = pending.requested(LimitKind.DEPOSIT_WEEK, 1_000L, NOW_MS + HOUR_MS);
        assertThat(withdrawn.event()).isEqualTo(RgEventKind.LIMIT_SET);
        assertThat(withdrawn.limits().limitAt(LimitKind.DEPOSIT_WEEK, NOW_MS + 48 * HOUR_MS)).isEqualTo(1_000L);
    }

    @Test
    void anAdministratorsOverrideAppliesAtOnceEvenWhenLooser() {
        RgLimits set = RgLimits.NONE.requested(LimitKind.DEPOSIT_MONTH, 1_000L, NOW_MS).limits();
        assertThat(set.overridden(LimitKind.DEPOSIT_MONTH, 50_000L, NOW_MS).limitAt(LimitKind.DEPOSIT_MONTH, NOW_MS))
                .isEqualTo(50_000L);
    }

    @Test
    void aBreakCanBeLengthenedButNeverShortened() {
        RgLimits sixMonths = RgLimits.NONE.excluded(Exclusion.SELF_EXCLUSION_6M, NOW_MS);
        assertThat(sixMonths.excludedUntil().toInstant()).isEqualTo(Instant.parse("2026-07-31T12:00:00Z"));
        assertThat(sixMonths.excluded(Exclusion.TIME_OUT_24H, NOW_MS + HOUR_MS)).isSameAs(sixMonths);
        RgLimits forGood = sixMonths.excluded(Exclusion.SELF_EXCLUSION_PERMANENT, NOW_MS + HOUR_MS);
        assertThat(forGood.exclusion()).isEqualTo(Exclusion.SELF_EXCLUSION_PERMANENT);
        assertThat(forGood.excludedUntil()).isNull();
        assertThat(forGood.excluded(Exclusion.SELF_EXCLUSION_5Y, NOW_MS + 2 * HOUR_MS)).isSameAs(forGood);
    }

    @Test
    void breakLengthsAreCalendarPeriods() {
        assertThat(Instant.ofEpochMilli(Exclusion.TIME_OUT_7D.endsAtMs(NOW_MS)))
                .isEqualTo(Instant.parse("2026-02-07T12:00:00Z"));
        assertThat(Instant.ofEpochMilli(Exclusion.SELF_EXCLUSION_1Y.endsAtMs(NOW_MS)))
                .isEqualTo(Instant.parse("2027-01-31T12:00:00Z"));
        assertThat(Exclusion.SELF_EXCLUSION_PERMANENT.endsAtMs(NOW_MS)).isEqualTo(Long.MAX_VALUE);
        assertThat(Exclusion.parse("TIME_OUT_30D")).isEqualTo(Exclusion.TIME_OUT_30D);
        assertThat(Exclusion.parse("FOREVER")).isNull();
    }
}
