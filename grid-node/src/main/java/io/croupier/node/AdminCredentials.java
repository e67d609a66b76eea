package io.croupier.node;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Administrators' passwords, checked by {@code croupier admin} before it acts: a properties file of
 * {@code name=pbkdf2-sha256:ITERATIONS:SALT_HEX:HASH_HEX} lines (never the passwords themselves); a line is made by
 * {@code croupier admin hash-password}.
 */
final class AdminCredentials {
    static final int ITERATIONS = 210_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private AdminCredentials() {
    }

    /** The line to put in the credentials file for {@code password}, with a fresh random salt. */
    static String hash(char[] password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return SCHEME + ":" + ITERATIONS + ":" + HexFormat.of().formatHex(salt) + ":"
                + HexFormat.of().formatHex(derive(password, salt, ITERATIONS));
    }

    /** True when {@code admin} is listed in {@code file} and {@code password} is theirs. */
    static boolean verify(Path file, String admin, char[] password) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no administrators' credentials file " + file
                    + " (add a line made by `croupier admin hash-password`)");
        }
        Properties lines = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            lines.load(r);
        }
        String entry = lines.getProperty(admin);
        if (entry == null) {
            derive(password, new byte[SALT_BYTES], ITERATIONS); // same time whether or not the name exists
            return false;
        }
        String[] parts = entry.trim().split(":");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("credentials of " + admin + " in " + file + " are not " + SCHEME);
        }
        byte[] expected = HexFormat.of().parseHex(parts[3]);
        byte[] actual = derive(password, HexFormat.of().parseHex(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, iterations, HASH_BITS)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }
}
