package io.croupier.wallet;

import io.croupier.slots.SlotRound;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The outcome of a money operation. For OK, {@code balance} is the wallet balance right after this operation
 * (also on a replay, which returns the first result unchanged except for {@code replayed}).
 */
public final class MoneyResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ResultCode code;
    private final UUID transferId;
    private final long balance;
    private final String currency;
    private final boolean replayed;
    /** For a SPIN: the round it played (also on a replay). */
    private final SlotRound round;

    private MoneyResult(ResultCode code, UUID transferId, long balance, String currency, boolean replayed,
                        SlotRound round) {
        this.code = Objects.requireNonNull(code, "code");
        this.transferId = transferId;
        this.balance = balance;
        this.currency = currency;
        this.replayed = replayed;
        this.round = round;
    }

    static MoneyResult spun(SlotRound round) {
        return new MoneyResult(ResultCode.OK, round.roundId(), round.balanceAfter(), round.currency(), false, round);
    }

    static MoneyResult replayOf(TransferRecord record, SlotRound round) {
        return new MoneyResult(ResultCode.OK, record.transferId(), record.balanceAfter(), record.currency(), true,
                round);
    }

    /** The slot round of a SPIN, or null for any other operation. */
    public SlotRound round() {
        return round;
    }

    public static MoneyResult applied(UUID transferId, long balance, String currency) {
        return new MoneyResult(ResultCode.OK, transferId, balance, currency, false, null);
    }

    static MoneyResult replayOf(TransferRecord record) {
        return replayOf(record, null);
    }

    public static MoneyResult rejected(ResultCode code) {
        if (code == ResultCode.OK) {
            throw new IllegalArgumentException("a rejection needs a non-OK code");
        }
        return new MoneyResult(code, null, -1, null, false, null);
    }

    public ResultCode code() {
        return code;
    }

    public boolean isOk() {
        return code == ResultCode.OK;
    }

    public UUID transferId() {
        return transferId;
    }

    public long balance() {
        return balance;
    }

    public String currency() {
        return currency;
    }

    public boolean replayed() {
        return replayed;
    }

    @Override
    public String toString() {
        return isOk() ? "OK{transfer=" + transferId + ", balance=" + balance + " " + currency
                + (replayed ? ", replayed" : "") + "}" : code.name();
    }
}
