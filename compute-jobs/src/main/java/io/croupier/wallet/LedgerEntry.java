package io.croupier.wallet;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * Value of the LEDGER cache. AMOUNT is signed minor units: positive credits the account, negative debits it.
 * Rows are never edited; a correction is a new transfer.
 */
public final class LedgerEntry implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String account;
    private final long amount;
    private final String currency;
    private final String kind;
    private final Timestamp createdAt;

    public LedgerEntry(Account account, long amount, String currency, PostingKind kind, Timestamp createdAt) {
        this.account = account.name();
        this.amount = amount;
        this.currency = currency;
        this.kind = kind.name();
        this.createdAt = createdAt;
    }

    public String account() {
        return account;
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String kind() {
        return kind;
    }

    public Timestamp createdAt() {
        return createdAt;
    }
}
