package io.croupier.fraud;

import io.croupier.player.PlayerStatus;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.OperationKind;
import io.croupier.wallet.Wallet;

/**
 * Everything an inline risk rule may look at, read in the money transaction: the request, the wallet, the
 * account status and the player's stake history, plus the transaction's time and the thresholds.
 */
public record RiskFacts(MoneyRequest request, Wallet wallet, PlayerStatus status, StakeHistory stakes,
                        long nowMs, RiskSettings settings) {

    /** Bets, bet-and-win rounds and spins: the operations that put a stake at risk. */
    public boolean takesStake() {
        return takesStake(request.kind());
    }

    static boolean takesStake(OperationKind kind) {
        return kind == OperationKind.BET || kind == OperationKind.BET_AND_WIN || kind == OperationKind.SPIN;
    }
}
