package io.croupier.rg;

import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.OperationKind;

/**
 * Everything a responsible-gambling or cashier rule may look at, read in the money transaction: the request, the
 * player's limits and break, the tally of their deposits and losses, the transaction's time and the thresholds.
 */
public record RgFacts(MoneyRequest request, RgLimits limits, PlayerTally tally, long nowMs, CashierSettings settings) {

    public boolean takesStake() {
        OperationKind k = request.kind();
        return k == OperationKind.BET || k == OperationKind.BET_AND_WIN || k == OperationKind.SPIN;
    }

    public boolean isDeposit() {
        return request.kind() == OperationKind.DEPOSIT;
    }
}
