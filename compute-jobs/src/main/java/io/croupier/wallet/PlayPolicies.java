package io.croupier.wallet;

import java.util.List;

/** Several play policies as one, asked in order (fraud rules, then responsible-gambling limits). */
final class PlayPolicies implements PlayPolicy {
    private static final long serialVersionUID = 1L;

    private final List<PlayPolicy> policies;

    PlayPolicies(List<PlayPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    @Override
    public ResultCode check(MoneyRequest request, Wallet wallet) {
        for (PlayPolicy p : policies) {
            ResultCode refusal = p.check(request, wallet);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    @Override
    public ResultCode checkCashier(MoneyRequest request, Wallet wallet) {
        for (PlayPolicy p : policies) {
            ResultCode refusal = p.checkCashier(request, wallet);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    @Override
    public Wallet applied(MoneyRequest request, Wallet wallet, long amountMinor, long winMinor) {
        Wallet after = wallet;
        for (PlayPolicy p : policies) {
            after = p.applied(request, after, amountMinor, winMinor);
        }
        return after;
    }
}
