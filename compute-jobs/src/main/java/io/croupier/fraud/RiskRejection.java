package io.croupier.fraud;

import io.croupier.wallet.ResultCode;

/** Why a risk rule refused an operation; each names the result code the caller sees. */
public enum RiskRejection {
    /** The account is BLOCKED, SELF_EXCLUDED or CLOSED and the operation is not allowed in that status. */
    ACCOUNT_NOT_ACTIVE(ResultCode.RISK_BLOCKED),
    /** The player already made the most stakes allowed in this clock second. */
    STAKES_PER_SECOND(ResultCode.VELOCITY_EXCEEDED),
    /** The player already made the most stakes allowed in this clock minute. */
    STAKES_PER_MINUTE(ResultCode.VELOCITY_EXCEEDED),
    /** The stake is far above the player's recent average: held for review instead of played. */
    STAKE_JUMP(ResultCode.RISK_HELD),
    /** The account is HELD: a fraud or AML alert holds its withdrawals until review. */
    WITHDRAWALS_HELD(ResultCode.RISK_HELD);

    private final ResultCode code;

    RiskRejection(ResultCode code) {
        this.code = code;
    }

    public ResultCode code() {
        return code;
    }
}
