package io.croupier.roulette;

import io.croupier.check.Check;
import java.util.List;

/** The outcome of validating a request of bets: all of them accepted, or the first reason the request was refused. */
public sealed interface RequestCheck {

    /** {@link Rejected#betIndex()} of a rejection that concerns the request as a whole. */
    int WHOLE_REQUEST = -1;

    /** Every bet of the request, canonical and in request order, and their total stake. */
    record Accepted(List<RouletteBet> bets, long stakeMinorTotal) implements RequestCheck {
        public Accepted {
            Check.argument(bets != null && !bets.isEmpty(), "an accepted request has bets");
            bets = List.copyOf(bets);
        }
    }

    /** The reason, and the index of the offending bet in the request or {@link #WHOLE_REQUEST}. */
    record Rejected(BetRejection reason, int betIndex) implements RequestCheck {
        public Rejected {
            Check.argument(reason != null, "rejection reason must not be null");
            Check.argument(betIndex >= WHOLE_REQUEST, "bet index must be >= -1");
        }
    }
}
