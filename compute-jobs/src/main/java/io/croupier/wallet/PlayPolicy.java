package io.croupier.wallet;

import java.io.Serializable;

/**
 * The hook that may refuse play (self-exclusion, limits, account status). Runs inside the money transaction for
 * stake-taking operations, with the wallet as read under lock. Returns {@code null} to allow, or the rejection.
 */
@FunctionalInterface
public interface PlayPolicy extends Serializable {
    PlayPolicy ALLOW_ALL = (request, wallet) -> null;

    ResultCode check(MoneyRequest request, Wallet wallet);
}
