package io.croupier.roulette;

import io.croupier.check.Check;

/** The outcome of validating one bet: the canonical bet, or why it was refused. */
public sealed interface BetCheck {

    record Accepted(RouletteBet bet) implements BetCheck {
        public Accepted {
            Check.argument(bet != null, "accepted bet must not be null");
        }
    }

    record Rejected(BetRejection reason) implements BetCheck {
        public Rejected {
            Check.argument(reason != null, "rejection reason must not be null");
        }
    }
}
