package io.croupier.fair;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * A player's current seed pair and next nonce (cache {@code player_seed}, key = player id, SQL table PLAYER_SEED).
 * The server seed itself is not a SQL column: analysts see only its commitment, and it leaves the grid only when
 * a rotation reveals it.
 */
public final class PlayerSeeds implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long playerId;
    private final String serverSeed;
    private final String serverSeedHash;
    private final String clientSeed;
    private final long nextNonce;
    private final Timestamp createdAt;

    private PlayerSeeds(long playerId, String serverSeed, String serverSeedHash, String clientSeed, long nextNonce,
                        Timestamp createdAt) {
        this.playerId = playerId;
        this.serverSeed = serverSeed;
        this.serverSeedHash = serverSeedHash;
        this.clientSeed = clientSeed;
        this.nextNonce = nextNonce;
        this.createdAt = createdAt;
    }

    /** A fresh server seed (CSPRNG) with nonce 0; {@code clientSeed} null → a random default. */
    public static PlayerSeeds fresh(long playerId, String clientSeed, Timestamp now) {
        byte[] seed = Seeds.newServerSeed();
        return new PlayerSeeds(playerId, Seeds.hex(seed), Seeds.commitment(seed),
                clientSeed != null ? clientSeed : Seeds.newClientSeed(), 0, now);
    }

    public PlayerSeeds withNextNonce() {
        return new PlayerSeeds(playerId, serverSeed, serverSeedHash, clientSeed, Math.addExact(nextNonce, 1),
                createdAt);
    }

    public PlayerSeeds withClientSeed(String newClientSeed) {
        return new PlayerSeeds(playerId, serverSeed, serverSeedHash, newClientSeed, nextNonce, createdAt);
    }

    /** The random stream of the round played with the current nonce. */
    public FairRandom randomForNextRound() {
        return new FairRandom(Seeds.fromHex(serverSeed), clientSeed, nextNonce);
    }

    public RevealedSeed reveal(Timestamp now) {
        return new RevealedSeed(playerId, serverSeed, serverSeedHash, clientSeed, nextNonce, createdAt, now);
    }

    public long playerId() {
        return playerId;
    }

    public String serverSeedHash() {
        return serverSeedHash;
    }

    public String clientSeed() {
        return clientSeed;
    }

    public long nextNonce() {
        return nextNonce;
    }

    public Timestamp createdAt() {
        return createdAt;
    }
}
