package io.croupier.fair;

import io.croupier.check.Check;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provably fair random stream of one round: bytes = HMAC-SHA256(serverSeed, "clientSeed:nonce:cursor") for
 * cursor 0, 1, 2, … concatenated. Outcomes are drawn from it with {@link #nextInt(int)}, which uses rejection
 * sampling so every value in {@code [0, bound)} is exactly equally likely (no modulo bias).
 *
 * <p>Anyone holding the revealed server seed, the client seed and the nonce recomputes the same stream and so the
 * same outcome; nothing else (balance, history, house position) enters it. Not thread-safe: one per round.
 */
public final class FairRandom {
    private static final String HMAC = "HmacSHA256";
    private static final long TWO_32 = 1L << 32;

    private final Mac mac;
    private final String messagePrefix;
    private final byte[] block = new byte[32];
    private int cursor;
    private int position = block.length;
    private long bytesUsed;

    public FairRandom(byte[] serverSeed, String clientSeed, long nonce) {
        Check.argument(serverSeed != null && serverSeed.length > 0, "server seed must not be empty");
        Check.argument(clientSeed != null, "client seed must not be null");
        Check.argument(nonce >= 0, "nonce must be >= 0");
        try {
            mac = newMac();
            mac.init(new SecretKeySpec(serverSeed, HMAC));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 refused the server seed", e);
        }
        messagePrefix = clientSeed + ":" + nonce + ":";
    }

    /**
     * A fresh, uninitialised HMAC-SHA256. Cloning a prototype skips the provider lookup of {@code Mac.getInstance},
     * which a spin would otherwise pay on every round; a provider whose Mac cannot be cloned gets the lookup.
     */
    private static Mac newMac() {
        try {
            return (Mac) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return Mac.getInstance(HMAC);
            } catch (NoSuchAlgorithmException unavailable) {
                throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
            }
        }
    }

    private static final Mac PROTOTYPE;

    static {
        try {
            PROTOTYPE = Mac.getInstance(HMAC);
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A uniformly distributed int in {@code [0, bound)}: 4 bytes as an unsigned int, redrawn while in the biased tail. */
    public int nextInt(int bound) {
        Check.argument(bound > 0, "bound must be > 0");
        long limit = TWO_32 - (TWO_32 % bound);
        while (true) {
            long u = nextUnsignedInt();
            if (u < limit) {
                return (int) (u % bound);
            }
        }
    }

    /** Bytes consumed so far (a verifier can show how far the stream went). */
    public long bytesUsed() {
        return bytesUsed;
    }

    private long nextUnsignedInt() {
        long u = 0;
        for (int i = 0; i < 4; i++) {
            u = (u << 8) | (nextByte() & 0xFF);
        }
        return u;
    }

    private byte nextByte() {
        if (position == block.length) {
            byte[] next = mac.doFinal((messagePrefix + cursor).getBytes(StandardCharsets.UTF_8));
            System.arraycopy(next, 0, block, 0, block.length);
            cursor++;
            position = 0;
        }
        bytesUsed++;
        return block[position++];
    }
}
