package io.croupier.rg;

import java.util.List;

/**
 * The responsible-gambling limits and the inline cashier checks, each a small named function, all in one list. They
 * run inside the money transaction, so each decides from the facts alone (no reads, no clock). Withdrawals are never
 * refused here: the player's money stays theirs during a break.
 */
public final class RgRules {
    private static final List<RgRule> ALL = List.of(
            RgRules::excluded,
            RgRules::depositsLocked,
            RgRules::depositsPerDay,
            RgRules::depositLimit,
            RgRules::lossLimit);

    private RgRules() {
    }

    public static List<RgRule> all() {
        return ALL;
    }

    /** The first rejection of {@link #all()}, or {@code null} when every rule allows. */
    public static RgRejection firstRejection(RgFacts facts) {
        for (RgRule rule : ALL) {
            RgRejection rejection = rule.check(facts);
            if (rejection != null) {
                return rejection;
            }
        }
        return null;
    }

    /** A time-out or self-exclusion stops stakes and deposits until it ends; wins and refunds still settle. */
    static RgRejection excluded(RgFacts facts) {
        return (facts.takesStake() || facts.isDeposit()) && facts.limits().excludedAt(facts.nowMs())
                ? RgRejection.EXCLUDED : null;
    }

    /** Card testing and stolen cards show as a run of declines: after too many, deposits wait out the window. */
    static RgRejection depositsLocked(RgFacts facts) {
        CashierSettings s = facts.settings();
        return facts.isDeposit() && facts.tally().depositsLockedUntilAt(facts.nowMs(), s.declinedDepositsMax(),
                s.declinedDepositsWindowMs()) > facts.nowMs() ? RgRejection.DEPOSITS_LOCKED : null;
    }

    /** Many small deposits a day are a structuring (AML) and a chasing-losses pattern: at most depositsPerDayMax. */
    static RgRejection depositsPerDay(RgFacts facts) {
        return facts.isDeposit() && facts.tally().depositsInDayAt(facts.nowMs()) >= facts.settings().depositsPerDayMax()
                ? RgRejection.DEPOSITS_PER_DAY : null;
    }

    /** A deposit may not take the period's deposits over any deposit limit in force. */
    static RgRejection depositLimit(RgFacts facts) {
        return facts.isDeposit() && depositLimitPassed(facts) != null ? RgRejection.DEPOSIT_LIMIT : null;
    }

    /** The first deposit limit the request would pass, or null. */
    public static LimitKind depositLimitPassed(RgFacts facts) {
        for (LimitKind k : LimitKind.values()) {
            if (!k.isDeposit()) {
                continue;
            }
            Long max = facts.limits().limitAt(k, facts.nowMs());
            if (max != null && facts.request().amount() > max - facts.tally().depositedAt(k, facts.nowMs())) {
                return k;
            }
        }
        return null;
    }

    /** A stake is refused when losing it would take the day's net loss over the loss limit. */
    static RgRejection lossLimit(RgFacts facts) {
        if (!facts.takesStake()) {
            return null;
        }
        Long max = facts.limits().limitAt(LimitKind.LOSS_DAY, facts.nowMs());
        return max != null && facts.request().amount() > max - facts.tally().netLossInDayAt(facts.nowMs())
                ? RgRejection.LOSS_LIMIT : null;
    }
}
