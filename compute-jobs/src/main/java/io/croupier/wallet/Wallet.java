package io.croupier.wallet;

import java.io.Serializable;
import java.sql.Timestamp;

/** Value of the WALLET cache (key: player id). SQL: CROUPIER.WALLET(PLAYER_ID, CURRENCY, BALANCE, UPDATED_AT). */
public final class Wallet implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String currency;
    private final long balance;
    private final Timestamp updatedAt;

    public Wallet(String currency, long balance, Timestamp updatedAt) {
        this.currency = currency;
        this.balance = balance;
        this.updatedAt = updatedAt;
    }

    public String currency() {
        return currency;
    }

    public long balance() {
        return balance;
    }

    public Timestamp updatedAt() {
        return updatedAt;
    }

    Wallet withBalance(long newBalance, Timestamp at) {
        return new Wallet(currency, newBalance, at);
    }
}
