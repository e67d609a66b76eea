package io.croupier.rg;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A break the player takes from play: a time-out (cool-off) of 24 hours, 7 or 30 days, or a self-exclusion of 6
 * months, 1 year, 5 years or for good. Neither can be lifted by the player before it ends.
 */
public enum Exclusion {
    TIME_OUT_24H(false, 0, 1),
    TIME_OUT_7D(false, 0, 7),
    TIME_OUT_30D(false, 0, 30),
    SELF_EXCLUSION_6M(true, 6, 0),
    SELF_EXCLUSION_1Y(true, 12, 0),
    SELF_EXCLUSION_5Y(true, 60, 0),
    SELF_EXCLUSION_PERMANENT(true, 0, 0);

    private final boolean selfExclusion;
    private final int months;
    private final int days;

    Exclusion(boolean selfExclusion, int months, int days) {
        this.selfExclusion = selfExclusion;
        this.months = months;
        this.days = days;
    }

    /** A self-exclusion (long, for months or for good), not a time-out. */
    public boolean isSelfExclusion() {
        return selfExclusion;
    }

    public boolean isPermanent() {
        return this == SELF_EXCLUSION_PERMANENT;
    }

    /** When a break taken at {@code nowMs} ends (calendar months in UTC); Long.MAX_VALUE for a permanent one. */
    public long endsAtMs(long nowMs) {
        if (isPermanent()) {
            return Long.MAX_VALUE;
        }
        ZonedDateTime start = Instant.ofEpochMilli(nowMs).atZone(ZoneOffset.UTC);
        return start.plusMonths(months).plusDays(days).toInstant().toEpochMilli();
    }

    /** The name on the wire and in SQL, or null when {@code text} names no exclusion. */
    public static Exclusion parse(String text) {
        for (Exclusion e : values()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        return null;
    }
}
