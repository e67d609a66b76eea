package io.croupier.roulette;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * A table as the grid knows it (cache {@code roulette_table}, SQL table ROULETTE_TABLE): its configuration, its
 * seed chain and its current round. The chain origin is secret and is not a SQL column; the chain commitment is
 * public from the moment the chain starts.
 */
public final class TableState implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String tableId;
    private final String name;
    private final String currency;
    private final long bettingWindowMs;
    private final long minStake;
    private final long maxStraightStake;
    private final long maxOutsideStake;
    private final long maxTotalStake;
    private final int maxBetsPerRequest;
    private final String chainOrigin;
    private final int chainLength;
    /** The round number that uses the first seed of the current chain. */
    private final long chainFirstRound;
    private final String chainCommitment;
    private final long currentRound;
    private final boolean open;
    private final Timestamp updatedAt;

    TableState(String tableId, String name, String currency, long bettingWindowMs, long minStake,
               long maxStraightStake, long maxOutsideStake, long maxTotalStake, int maxBetsPerRequest,
               String chainOrigin, int chainLength, long chainFirstRound, String chainCommitment, long currentRound,
               boolean open, Timestamp updatedAt) {
        this.tableId = tableId;
        this.name = name;
        this.currency = currency;
        this.bettingWindowMs = bettingWindowMs;
        this.minStake = minStake;
        this.maxStraightStake = maxStraightStake;
        this.maxOutsideStake = maxOutsideStake;
        this.maxTotalStake = maxTotalStake;
        this.maxBetsPerRequest = maxBetsPerRequest;
        this.chainOrigin = chainOrigin;
        this.chainLength = chainLength;
        this.chainFirstRound = chainFirstRound;
        this.chainCommitment = chainCommitment;
        this.currentRound = currentRound;
        this.open = open;
        this.updatedAt = updatedAt;
    }

    TableState withCurrentRound(long round, Timestamp now) {
        return new TableState(tableId, name, currency, bettingWindowMs, minStake, maxStraightStake, maxOutsideStake,
                maxTotalStake, maxBetsPerRequest, chainOrigin, chainLength, chainFirstRound, chainCommitment, round,
                open, now);
    }

    TableState withChain(SeedChain chain, long firstRound, Timestamp now) {
        return new TableState(tableId, name, currency, bettingWindowMs, minStake, maxStraightStake, maxOutsideStake,
                maxTotalStake, maxBetsPerRequest, chain.originHex(), chain.length(), firstRound, chain.commitment(),
                currentRound, open, now);
    }

    TableState withConfig(TableConfig c, Timestamp now) {
        return new TableState(tableId, c.name(), currency, c.bettingWindowMs(), c.limits().stakeMinorMin(),
                c.limits().straightStakeMinorMax(), c.limits().outsideStakeMinorMax(),
                c.limits().roundTotalStakeMinorMax(), c.limits().betsPerRequestMax(), chainOrigin, chainLength, chainFirstRound, chainCommitment,
                currentRound, c.open(), now);
    }

    static TableState create(TableConfig c, SeedChain chain, Timestamp now) {
        return new TableState(c.id(), c.name(), c.currency(), c.bettingWindowMs(), c.limits().stakeMinorMin(),
                c.limits().straightStakeMinorMax(), c.limits().outsideStakeMinorMax(),
                c.limits().roundTotalStakeMinorMax(), c.limits().betsPerRequestMax(), chain.originHex(), chain.length(), 1, chain.commitment(), 0, c.open(),
                now);
    }

    SeedChain chain() {
        return SeedChain.of(chainOrigin, chainLength);
    }

    /** The seed of round {@code roundNo} and whether the current chain still covers it. */
    boolean chainCovers(long roundNo) {
        long index = roundNo - chainFirstRound + 1;
        return index >= 1 && index <= chainLength;
    }

    byte[] seedOf(long roundNo) {
        return chain().seed((int) (roundNo - chainFirstRound + 1));
    }

    public TableLimits limits() {
        return new TableLimits(minStake, maxStraightStake, maxOutsideStake, maxTotalStake, maxBetsPerRequest);
    }

    public String tableId() {
        return tableId;
    }

    public String name() {
        return name;
    }

    public String currency() {
        return currency;
    }

    public long bettingWindowMs() {
        return bettingWindowMs;
    }

    public String chainCommitment() {
        return chainCommitment;
    }

    public long chainFirstRound() {
        return chainFirstRound;
    }

    public long currentRound() {
        return currentRound;
    }

    /** False when the table is being closed: no new rounds open. */
    public boolean open() {
        return open;
    }
}
