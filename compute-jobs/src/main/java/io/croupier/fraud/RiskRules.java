package io.croupier.fraud;

import io.croupier.player.PlayerStatus;
import io.croupier.wallet.OperationKind;
import java.util.List;

/**
 * The inline risk rules, each a small named function, all in one list. They run inside the money transaction, so
 * each must decide from the facts alone (no reads, no clock, no randomness).
 */
public final class RiskRules {
    private static final List<RiskRule> ALL = List.of(
            RiskRules::accountStatus,
            RiskRules::stakesPerSecond,
            RiskRules::stakesPerMinute,
            RiskRules::stakeJump);

    private RiskRules() {
    }

    /** Every rule, in the order they are asked; the first rejection wins. */
    public static List<RiskRule> all() {
        return ALL;
    }

    /** The first rejection of {@link #all()}, or {@code null} when every rule allows. */
    public static RiskRejection firstRejection(RiskFacts facts) {
        for (RiskRule rule : ALL) {
            RiskRejection rejection = rule.check(facts);
            if (rejection != null) {
                return rejection;
            }
        }
        return null;
    }

    /**
     * A BLOCKED, SELF_EXCLUDED or CLOSED account may not stake or withdraw; a BLOCKED one may not deposit either
     * (money of a blocked account is frozen until review) → RISK_BLOCKED. A HELD account (a fraud or AML alert holds
     * its withdrawals) plays and deposits, but a withdrawal is refused with RISK_HELD. Wins, voids and corrections
     * still apply: they settle play that was accepted earlier or are an administrator's decision.
     */
    static RiskRejection accountStatus(RiskFacts facts) {
        PlayerStatus status = facts.status();
        if (status == PlayerStatus.ACTIVE) {
            return null;
        }
        OperationKind kind = facts.request().kind();
        if (status == PlayerStatus.HELD) {
            return kind == OperationKind.WITHDRAW ? RiskRejection.WITHDRAWALS_HELD : null;
        }
        boolean refused = facts.takesStake() || kind == OperationKind.WITHDRAW
                || (kind == OperationKind.DEPOSIT && status == PlayerStatus.BLOCKED);
        return refused ? RiskRejection.ACCOUNT_NOT_ACTIVE : null;
    }

    /** Bots and scripted abuse stake faster than a person: at most stakesPerSecondMax stakes per clock second. */
    static RiskRejection stakesPerSecond(RiskFacts facts) {
        return facts.takesStake()
                && facts.stakes().stakesInSecondAt(facts.nowMs()) >= facts.settings().stakesPerSecondMax()
                ? RiskRejection.STAKES_PER_SECOND : null;
    }

    /** Sustained automated play: at most stakesPerMinuteMax stakes per clock minute. */
    static RiskRejection stakesPerMinute(RiskFacts facts) {
        return facts.takesStake()
                && facts.stakes().stakesInMinuteAt(facts.nowMs()) >= facts.settings().stakesPerMinuteMax()
                ? RiskRejection.STAKES_PER_MINUTE : null;
    }

    /**
     * A sudden stake far above the player's habit is the pattern of a taken-over account or of laundering through
     * one big bet: a stake above stakeJumpFactorMax × the recent average is held, once the player has a history.
     */
    static RiskRejection stakeJump(RiskFacts facts) {
        RiskSettings s = facts.settings();
        StakeHistory history = facts.stakes();
        if (!facts.takesStake() || s.stakeJumpFactorMax() == 0
                || history.stakesCounted() < s.stakeJumpHistoryStakesMin()) {
            return null;
        }
        long average = history.averageStakeMinor();
        boolean overflows = average > Long.MAX_VALUE / s.stakeJumpFactorMax();
        return !overflows && facts.request().amount() > average * s.stakeJumpFactorMax()
                ? RiskRejection.STAKE_JUMP : null;
    }
}
