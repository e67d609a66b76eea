package io.croupier.wallet;

import java.io.Serializable;
import java.util.Objects;

/**
 * One money operation as the caller asked for it. Travels from the caller's node to the node that owns the
 * player's partition, so it is a plain final class (Ignite 2.17's binary marshaller cannot build records).
 *
 * <p>{@code reference} is the payment token for a deposit, the round reference for BET, WIN and
 * BET_AND_WIN, the game id for SPIN, and the idempotency key of the bet to void for VOID.
 */
public final class MoneyRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private final OperationKind kind;
    private final long playerId;
    private final String idempotencyKey;
    private final String currency;
    private final long amount;
    private final long winAmount;
    private final String reference;

    private MoneyRequest(OperationKind kind, long playerId, String idempotencyKey, String currency, long amount,
                         long winAmount, String reference) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.playerId = playerId;
        this.idempotencyKey = idempotencyKey;
        this.currency = currency;
        this.amount = amount;
        this.winAmount = winAmount;
        this.reference = reference;
    }

    public static MoneyRequest deposit(long playerId, String key, String currency, long amount, String paymentToken) {
        return new MoneyRequest(OperationKind.DEPOSIT, playerId, key, currency, amount, 0, paymentToken);
    }

    public static MoneyRequest withdraw(long playerId, String key, String currency, long amount) {
        return new MoneyRequest(OperationKind.WITHDRAW, playerId, key, currency, amount, 0, null);
    }

    public static MoneyRequest bet(long playerId, String key, String currency, long stake, String roundReference) {
        return new MoneyRequest(OperationKind.BET, playerId, key, currency, stake, 0, roundReference);
    }

    public static MoneyRequest win(long playerId, String key, String currency, long amount, String roundReference) {
        return new MoneyRequest(OperationKind.WIN, playerId, key, currency, amount, 0, roundReference);
    }

    /** Refunds the bet placed under {@code betKey}; the refunded amount and currency are the bet's own. */
    public static MoneyRequest voidBet(long playerId, String key, String betKey) {
        return new MoneyRequest(OperationKind.VOID, playerId, key, null, 0, 0, betKey);
    }

    public static MoneyRequest betAndWin(long playerId, String key, String currency, long stake, long win,
                                         String roundReference) {
        return new MoneyRequest(OperationKind.BET_AND_WIN, playerId, key, currency, stake, win, roundReference);
    }

    /** A slot spin of {@code game} for {@code stake} (the win is drawn inside the transaction). */
    public static MoneyRequest spin(long playerId, String key, String currency, long stake, String game) {
        return new MoneyRequest(OperationKind.SPIN, playerId, key, currency, stake, 0, game);
    }

    /**
     * An administrator's manual correction of {@code amount} (positive: credit, negative: debit) against
     * HOUSE_ADJUSTMENTS; {@code reference} records who made it and why.
     */
    public static MoneyRequest adjustment(long playerId, String key, String currency, long amount, String reference) {
        return new MoneyRequest(amount >= 0 ? OperationKind.ADJUST_CREDIT : OperationKind.ADJUST_DEBIT, playerId, key,
                currency, amount == Long.MIN_VALUE ? 0 : Math.abs(amount), 0, reference);
    }

    public OperationKind kind() {
        return kind;
    }

    public long playerId() {
        return playerId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String currency() {
        return currency;
    }

    public long amount() {
        return amount;
    }

    public long winAmount() {
        return winAmount;
    }

    public String reference() {
        return reference;
    }

    /** Whether {@code recorded} was made by a request that asked for the same movement (used to tell a replay from a key reused for something else). */
    boolean sameRequestAs(TransferRecord recorded) {
        return kind.name().equals(recorded.kindName())
                && amount == recorded.requestedAmount()
                && (kind == OperationKind.SPIN || winAmount == recorded.winAmount())
                && Objects.equals(currency, recorded.requestedCurrency())
                && Objects.equals(reference, recorded.reference());
    }

    @Override
    public String toString() {
        return kind + "{player=" + playerId + ", key=" + idempotencyKey + ", " + amount
                + (kind == OperationKind.BET_AND_WIN ? "/" + winAmount : "") + " " + currency + "}";
    }
}
