package io.croupier.rg;

import io.croupier.check.Check;
import java.io.Serializable;

/**
 * Thresholds of the inline cashier checks (node settings {@code croupier.risk.*}).
 *
 * @param depositsPerDayMax       most deposits one player may make per calendar day (UTC)
 * @param declinedDepositsMax     this many deposits declined by the payment provider within the window lock deposits
 * @param declinedDepositsWindowMs the window of the lock, in milliseconds; the lock ends when enough declines left it
 */
public record CashierSettings(int depositsPerDayMax, int declinedDepositsMax, long declinedDepositsWindowMs)
        implements Serializable {
    public CashierSettings {
        Check.argument(depositsPerDayMax >= 1, "depositsPerDayMax must be >= 1");
        Check.argument(declinedDepositsMax >= 1 && declinedDepositsMax <= PlayerTally.FAILED_DEPOSITS_KEPT_MAX,
                "declinedDepositsMax must be in 1.." + PlayerTally.FAILED_DEPOSITS_KEPT_MAX);
        Check.argument(declinedDepositsWindowMs >= 1_000, "declinedDepositsWindowMs must be >= 1000");
    }

    /** 20 deposits a day; 5 declined deposits within 10 minutes lock deposits (GLI-19 A.3.6b). */
    public static CashierSettings defaults() {
        return new CashierSettings(20, 5, 10L * 60 * 1_000);
    }
}
