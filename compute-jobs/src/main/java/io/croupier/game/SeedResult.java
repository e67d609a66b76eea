package io.croupier.game;

import io.croupier.wallet.ResultCode;
import java.io.Serializable;
import java.util.Objects;

/** The outcome of a seed operation: OK with the seeds as the player may see them, or a typed rejection. */
public final class SeedResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ResultCode code;
    private final SeedsView seeds;

    private SeedResult(ResultCode code, SeedsView seeds) {
        this.code = Objects.requireNonNull(code, "code");
        this.seeds = seeds;
    }

    static SeedResult ok(SeedsView seeds) {
        return new SeedResult(ResultCode.OK, seeds);
    }

    static SeedResult rejected(ResultCode code) {
        return new SeedResult(code, null);
    }

    public ResultCode code() {
        return code;
    }

    public boolean isOk() {
        return code == ResultCode.OK;
    }

    public SeedsView seeds() {
        return seeds;
    }

    @Override
    public String toString() {
        return isOk() ? "OK " + seeds : code.name();
    }
}
