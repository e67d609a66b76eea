package io.croupier.roulette;

import io.croupier.check.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a client asked for into canonical bets or a named rejection. Pure: the caller supplies the table's
 * limits and the bets the player already holds in the round, and does the I/O.
 */
public final class BetValidation {

    private BetValidation() {
    }

    /**
     * One bet on its own, in order: the kind name, the selection, the minimum and the position's maximum stake. Limits
     * that depend on the rest of the round are left to {@link #checkRequest}.
     */
    public static BetCheck check(String kindName, int[] selection, long stakeMinor, TableLimits limits) {
        Check.argument(limits != null, "table limits must not be null");
        Optional<BetKind> kind = BetKind.byName(kindName);
        if (kind.isEmpty()) {
            return new BetCheck.Rejected(BetRejection.UNKNOWN_BET_KIND);
        }
        Optional<BetPosition> position = BetPosition.of(kind.get(), selection);
        if (position.isEmpty()) {
            return new BetCheck.Rejected(BetRejection.INVALID_SELECTION);
        }
        if (stakeMinor < limits.stakeMinorMin()) {
            return new BetCheck.Rejected(BetRejection.STAKE_BELOW_MIN);
        }
        if (stakeMinor > limits.stakeMinorMax(position.get())) {
            return new BetCheck.Rejected(BetRejection.STAKE_ABOVE_MAX);
        }
        return new BetCheck.Accepted(new RouletteBet(position.get(), stakeMinor));
    }

    public static BetCheck check(BetOrder order, TableLimits limits) {
        Check.argument(order != null, "bet order must not be null");
        return check(order.kind(), order.selection(), order.stakeMinor(), limits);
    }

    /**
     * A request of bets, all or nothing: either every bet is accepted or the request is refused with the first reason
     * found, so one request is one debit. Besides each bet's own checks, the request's size is bounded, and stakes are
     * added to what the player already holds in the round, per position ({@code STAKE_ABOVE_MAX}) and in total
     * ({@code TOTAL_ABOVE_MAX}).
     *
     * @param placedThisRound the bets this player already holds in the round (accepted earlier)
     */
    public static RequestCheck checkRequest(List<BetOrder> orders, List<RouletteBet> placedThisRound,
            TableLimits limits) {
        Check.argument(orders != null, "orders must not be null");
        Check.argument(placedThisRound != null, "bets placed this round must not be null");
        Check.argument(limits != null, "table limits must not be null");
        if (orders.isEmpty()) {
            return new RequestCheck.Rejected(BetRejection.NO_BETS, RequestCheck.WHOLE_REQUEST);
        }
        if (orders.size() > limits.betsPerRequestMax()) {
            return new RequestCheck.Rejected(BetRejection.TOO_MANY_BETS, RequestCheck.WHOLE_REQUEST);
        }
        Map<BetPosition, Long> stakeMinorByPosition = new HashMap<>();
        long roundStakeMinor = 0;
        for (RouletteBet placed : placedThisRound) {
            stakeMinorByPosition.merge(placed.position(), placed.stakeMinor(), Math::addExact);
            roundStakeMinor = Math.addExact(roundStakeMinor, placed.stakeMinor());
        }
        List<RouletteBet> accepted = new ArrayList<>(orders.size());
        long requestStakeMinor = 0;
        for (int i = 0; i < orders.size(); i++) {
            BetCheck single = check(orders.get(i), limits);
            if (single instanceof BetCheck.Rejected rejected) {
                return new RequestCheck.Rejected(rejected.reason(), i);
            }
            RouletteBet bet = ((BetCheck.Accepted) single).bet();
            // "stake > max - held" rather than "held + stake > max": differences of non-negative longs never overflow.
            long positionHeld = stakeMinorByPosition.getOrDefault(bet.position(), 0L);
            if (bet.stakeMinor() > limits.stakeMinorMax(bet.position()) - positionHeld) {
                return new RequestCheck.Rejected(BetRejection.STAKE_ABOVE_MAX, i);
            }
            if (bet.stakeMinor() > limits.roundTotalStakeMinorMax() - roundStakeMinor) {
                return new RequestCheck.Rejected(BetRejection.TOTAL_ABOVE_MAX, i);
            }
            stakeMinorByPosition.put(bet.position(), positionHeld + bet.stakeMinor());
            roundStakeMinor += bet.stakeMinor();
            requestStakeMinor += bet.stakeMinor();
            accepted.add(bet);
        }
        return new RequestCheck.Accepted(accepted, requestStakeMinor);
    }
}
