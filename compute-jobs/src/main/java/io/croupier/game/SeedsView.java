package io.croupier.game;

import java.io.Serializable;

/**
 * What a player may see of their seeds: the commitment of the active server seed, their client seed and the nonce
 * of their next round; after a rotation also the revealed previous server seed. Travels between nodes.
 */
public final class SeedsView implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String serverSeedHash;
    private final String clientSeed;
    private final long nextNonce;
    private final String revealedServerSeed;
    private final String revealedServerSeedHash;
    private final long revealedNoncesUsed;

    SeedsView(String serverSeedHash, String clientSeed, long nextNonce, String revealedServerSeed,
              String revealedServerSeedHash, long revealedNoncesUsed) {
        this.serverSeedHash = serverSeedHash;
        this.clientSeed = clientSeed;
        this.nextNonce = nextNonce;
        this.revealedServerSeed = revealedServerSeed;
        this.revealedServerSeedHash = revealedServerSeedHash;
        this.revealedNoncesUsed = revealedNoncesUsed;
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

    /** After a rotation: the server seed that was in play until now (hex), else null. */
    public String revealedServerSeed() {
        return revealedServerSeed;
    }

    public String revealedServerSeedHash() {
        return revealedServerSeedHash;
    }

    /** After a rotation: rounds played with the revealed seed (nonces 0 .. this − 1). */
    public long revealedNoncesUsed() {
        return revealedNoncesUsed;
    }

    @Override
    public String toString() {
        return "Seeds{hash=" + serverSeedHash + ", client=" + clientSeed + ", nextNonce=" + nextNonce
                + (revealedServerSeed != null ? ", revealed=" + revealedServerSeed : "") + "}";
    }
}
