package io.croupier.fraud.detect;

import io.croupier.wallet.OperationKind;
import io.croupier.wallet.TransferKey;
import io.croupier.wallet.TransferRecord;

/**
 * One applied money operation as the detector sees it: read from the player's TRANSFER row, so the time is the
 * transfer's CREATED_AT (the commit's clock) and the amounts are what was applied (a VOID's amount is the bet's).
 *
 * @param reference the game id of a SPIN, the round reference of a BET, WIN or BET_AND_WIN
 */
public record ActivityEvent(long playerId, String idempotencyKey, OperationKind kind, long amountMinor,
                            long winMinor, String reference, long atMs) {

    public static ActivityEvent of(TransferKey key, TransferRecord record) {
        return new ActivityEvent(key.playerId(), key.idempotencyKey(), record.kind(), record.amount(),
                record.winAmount(), record.reference(), record.createdAt().getTime());
    }

    /** Operations that put a stake at risk: they count as wagering. */
    public boolean isStake() {
        return kind == OperationKind.BET || kind == OperationKind.BET_AND_WIN || kind == OperationKind.SPIN;
    }

    /** Deposits and withdrawals: the cash movements the AML rules judge. */
    public boolean isCashier() {
        return kind == OperationKind.DEPOSIT || kind == OperationKind.WITHDRAW;
    }

    /** Rounds whose stake and win are known together, so their return can be judged against a game profile. */
    public boolean isRound() {
        return kind == OperationKind.BET_AND_WIN || kind == OperationKind.SPIN;
    }
}
