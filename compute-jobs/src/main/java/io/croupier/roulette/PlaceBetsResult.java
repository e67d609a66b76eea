package io.croupier.roulette;

import io.croupier.wallet.ResultCode;
import java.io.Serializable;
import java.util.Objects;

/** The outcome of placing bets: OK with the balance after the stake, or a typed rejection that moved nothing. */
public final class PlaceBetsResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ResultCode code;
    private final long balance;
    private final long totalStake;
    private final boolean replayed;
    /** For a rejected bet: its position in the request, else −1. */
    private final int badBet;

    private PlaceBetsResult(ResultCode code, long balance, long totalStake, boolean replayed, int badBet) {
        this.code = Objects.requireNonNull(code, "code");
        this.balance = balance;
        this.totalStake = totalStake;
        this.replayed = replayed;
        this.badBet = badBet;
    }

    static PlaceBetsResult ok(long balance, long totalStake, boolean replayed) {
        return new PlaceBetsResult(ResultCode.OK, balance, totalStake, replayed, -1);
    }

    static PlaceBetsResult rejected(ResultCode code) {
        return new PlaceBetsResult(code, -1, 0, false, -1);
    }

    static PlaceBetsResult rejected(ResultCode code, int badBet) {
        return new PlaceBetsResult(code, -1, 0, false, badBet);
    }

    public ResultCode code() {
        return code;
    }

    public boolean isOk() {
        return code == ResultCode.OK;
    }

    public long balance() {
        return balance;
    }

    public long totalStake() {
        return totalStake;
    }

    public boolean replayed() {
        return replayed;
    }

    public int badBet() {
        return badBet;
    }

    @Override
    public String toString() {
        return isOk() ? "OK{balance=" + balance + ", stake=" + totalStake + (replayed ? ", replayed" : "") + "}"
                : code + (badBet >= 0 ? "(bet " + badBet + ")" : "");
    }
}
