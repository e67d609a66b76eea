package io.croupier.rg;

import io.croupier.wallet.ResultCode;

/** Why a responsible-gambling or cashier rule refused an operation; each names the result code the caller sees. */
public enum RgRejection {
    /** The player is on a time-out or self-excluded. */
    EXCLUDED(ResultCode.SELF_EXCLUDED),
    /** Too many declined deposits in the window. */
    DEPOSITS_LOCKED(ResultCode.DEPOSITS_LOCKED),
    /** The player already made the most deposits allowed today. */
    DEPOSITS_PER_DAY(ResultCode.VELOCITY_EXCEEDED),
    /** The deposit would pass a deposit limit. */
    DEPOSIT_LIMIT(ResultCode.DEPOSIT_LIMIT_EXCEEDED),
    /** The stake could pass the loss limit of the day. */
    LOSS_LIMIT(ResultCode.LOSS_LIMIT_EXCEEDED);

    private final ResultCode code;

    RgRejection(ResultCode code) {
        this.code = code;
    }

    public ResultCode code() {
        return code;
    }
}
