package io.croupier.wallet;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * The idempotency record of an applied operation (SQL table TRANSFER): what was asked, what it did, and the
 * first result, which a replay returns. Only applied operations are recorded; rejections write nothing.
 */
public final class TransferRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    private final UUID transferId;
    /** OperationKind name, stored as text so SQL sees a plain VARCHAR. */
    private final String kind;
    /** The amount as requested (0 for VOID, whose amount is the bet's). */
    private final long requestedAmount;
    private final String requestedCurrency;
    private final long amount;
    private final long winAmount;
    private final String currency;
    private final String reference;
    private final long balanceAfter;
    private final Timestamp createdAt;
    /** For a BET: the idempotency key of the VOID that refunded it, or null. */
    private final String voidedBy;

    TransferRecord(UUID transferId, MoneyRequest request, long amount, long winAmount, String currency,
                   long balanceAfter, Timestamp createdAt, String voidedBy) {
        this(transferId, request.kind(), request.amount(), request.currency(), amount, winAmount, currency,
                request.reference(), balanceAfter, createdAt, voidedBy);
    }

    private TransferRecord(UUID transferId, OperationKind kind, long requestedAmount, String requestedCurrency,
                           long amount, long winAmount, String currency, String reference, long balanceAfter,
                           Timestamp createdAt, String voidedBy) {
        this.transferId = transferId;
        this.kind = kind.name();
        this.requestedAmount = requestedAmount;
        this.requestedCurrency = requestedCurrency;
        this.amount = amount;
        this.winAmount = winAmount;
        this.currency = currency;
        this.reference = reference;
        this.balanceAfter = balanceAfter;
        this.createdAt = createdAt;
        this.voidedBy = voidedBy;
    }

    TransferRecord voidedBy(String voidKey) {
        return new TransferRecord(transferId, kind(), requestedAmount, requestedCurrency, amount, winAmount, currency,
                reference, balanceAfter, createdAt, voidKey);
    }

    public UUID transferId() {
        return transferId;
    }

    public OperationKind kind() {
        return OperationKind.valueOf(kind);
    }

    String kindName() {
        return kind;
    }

    long requestedAmount() {
        return requestedAmount;
    }

    String requestedCurrency() {
        return requestedCurrency;
    }

    public long amount() {
        return amount;
    }

    public long winAmount() {
        return winAmount;
    }

    public String currency() {
        return currency;
    }

    public String reference() {
        return reference;
    }

    public long balanceAfter() {
        return balanceAfter;
    }

    public Timestamp createdAt() {
        return createdAt;
    }

    public String voidedBy() {
        return voidedBy;
    }
}
