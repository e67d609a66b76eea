package io.croupier.wallet;

import io.croupier.check.Check;
import java.io.Serializable;

/**
 * Bounds on money operations, validated at start-up.
 *
 * @param amountMinorMax  largest amount of one operation, in minor units (a "huge amount" above it is INVALID_AMOUNT)
 * @param balanceMinorMax largest balance a wallet may hold, in minor units (BALANCE_LIMIT_EXCEEDED above it)
 */
public record MoneyLimits(long amountMinorMax, long balanceMinorMax) implements Serializable {
    /** 10 billion major units of a 2-decimal currency: far above any real operation, far below overflow. */
    public static final MoneyLimits DEFAULT = new MoneyLimits(1_000_000_000_000L, 100_000_000_000_000L);

    public MoneyLimits {
        Check.argument(amountMinorMax > 0, "amountMinorMax must be > 0");
        Check.argument(balanceMinorMax >= amountMinorMax, "balanceMinorMax must be >= amountMinorMax");
    }
}
