package io.croupier.rg;

import io.croupier.wallet.ResultCode;
import java.io.Serializable;
import java.util.Objects;

/** The outcome of a limits request: OK with the player's limits as they now stand, or a typed rejection. */
public final class RgResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ResultCode code;
    private final RgView view;

    private RgResult(ResultCode code, RgView view) {
        this.code = Objects.requireNonNull(code, "code");
        this.view = view;
    }

    static RgResult ok(RgView view) {
        return new RgResult(ResultCode.OK, view);
    }

    public static RgResult rejected(ResultCode code) {
        return new RgResult(code, null);
    }

    public ResultCode code() {
        return code;
    }

    public boolean isOk() {
        return code == ResultCode.OK;
    }

    public RgView view() {
        return view;
    }
}
