package io.croupier.fair;

import io.croupier.check.Check;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Server seeds and their commitments: 32 bytes from the platform's CSPRNG, committed to by their SHA-256. */
public final class Seeds {
    public static final int SERVER_SEED_BYTES = 32;
    /** Longest client seed a player may set (characters). */
    public static final int CLIENT_SEED_CHARS_MAX = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Seeds() {
    }

    public static byte[] newServerSeed() {
        byte[] seed = new byte[SERVER_SEED_BYTES];
        RANDOM.nextBytes(seed);
        return seed;
    }

    /** A default client seed for a new player (they may replace it): 16 random bytes in hex. */
    public static String newClientSeed() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The commitment shown before play: lowercase hex SHA-256 of the server seed. */
    public static String commitment(byte[] serverSeed) {
        return HEX.formatHex(sha256(serverSeed));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] fromHex(String hex) {
        Check.argument(hex != null && hex.length() % 2 == 0, "hex string of even length expected");
        return HEX.parseHex(hex);
    }

    /** A client seed is 1..64 printable ASCII characters without ':' (the field separator of the HMAC message). */
    public static boolean isValidClientSeed(String clientSeed) {
        if (clientSeed == null || clientSeed.isEmpty() || clientSeed.length() > CLIENT_SEED_CHARS_MAX) {
            return false;
        }
        for (int i = 0; i < clientSeed.length(); i++) {
            char c = clientSeed.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ':') {
                return false;
            }
        }
        return true;
    }
}
