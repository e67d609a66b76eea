package io.croupier.wallet;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * Value of the WALLET cache (key: player id). SQL: CROUPIER.WALLET(PLAYER_ID, CURRENCY, BALANCE, UPDATED_AT).
 *
 * <p>Besides the balance, the row carries the play policies' per-player state ({@link PolicyState}; not SQL
 * columns): the inline fraud checks' stake history with its copy of the account status, and the
 * responsible-gambling tally. Every money operation reads and writes this row anyway, so the checks and their
 * bookkeeping add no row to the transaction (measured: two reads and one write fewer per stake; see
 * docs/ARCHITECTURE.md, decision 74). A change of state alone keeps {@link #updatedAt()}: it is the time of the last
 * balance change.
 */
public final class Wallet implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String currency;
    private final long balance;
    private final Timestamp updatedAt;
    /** The fraud checks' state; null until the first stake. */
    private final PolicyState riskState;
    /** The responsible-gambling tally; null until the first counted operation. */
    private final PolicyState rgState;

    public Wallet(String currency, long balance, Timestamp updatedAt) {
        this(currency, balance, updatedAt, null, null);
    }

    private Wallet(String currency, long balance, Timestamp updatedAt, PolicyState riskState, PolicyState rgState) {
        this.currency = currency;
        this.balance = balance;
        this.updatedAt = updatedAt;
        this.riskState = riskState;
        this.rgState = rgState;
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

    /** The fraud checks' state, or null. */
    public PolicyState riskState() {
        return riskState;
    }

    /** The responsible-gambling tally, or null. */
    public PolicyState rgState() {
        return rgState;
    }

    public Wallet withRiskState(PolicyState state) {
        return new Wallet(currency, balance, updatedAt, state, rgState);
    }

    public Wallet withRgState(PolicyState state) {
        return new Wallet(currency, balance, updatedAt, riskState, state);
    }

    Wallet withBalance(long newBalance, Timestamp at) {
        return new Wallet(currency, newBalance, at, riskState, rgState);
    }
}
