package io.croupier.app.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks session tokens: {@code base64url("v1:playerId:sessionId:expiresAtMs") + "." +
 * base64url(HMAC-SHA256(key, payload))}. The signature proves an app server issued the token; the expiry bounds its
 * life; the session id lets the grid revoke it (logout). Pure: the key and the time are given.
 */
public final class TokenSigner {
    static final String VERSION = "v1";
    /** Longer input is refused before any parsing or MAC work. */
    public static final int TOKEN_CHARS_MAX = 512;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public TokenSigner(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("token signing key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** What a valid token says. */
    public record Claims(long playerId, String sessionId, long expiresAtMs) {
    }

    /** Why a token is refused. */
    public enum Rejection { MALFORMED, BAD_SIGNATURE, EXPIRED }

    /** A token check's outcome: claims, or why not. */
    public record Verdict(Optional<Claims> claims, Rejection rejection) {
        static Verdict ok(Claims c) {
            return new Verdict(Optional.of(c), null);
        }

        static Verdict refused(Rejection r) {
            return new Verdict(Optional.empty(), r);
        }
    }

    public String issue(long playerId, String sessionId, long expiresAtMs) {
        if (sessionId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("session id must not contain ':'");
        }
        byte[] payload = (VERSION + ":" + playerId + ":" + sessionId + ":" + expiresAtMs)
                .getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(mac(payload));
    }

    public Verdict verify(String token, long nowMs) {
        if (token == null || token.isEmpty() || token.length() > TOKEN_CHARS_MAX) {
            return Verdict.refused(Rejection.MALFORMED);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Verdict.refused(Rejection.MALFORMED);
        }
        byte[] payload;
        byte[] signature;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            payload = b64.decode(token.substring(0, dot));
            signature = b64.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Verdict.refused(Rejection.MALFORMED);
        }
        // Constant-time comparison: the time taken says nothing about how much of a forged signature was right.
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Verdict.refused(Rejection.BAD_SIGNATURE);
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split(":", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return Verdict.refused(Rejection.MALFORMED);
        }
        Claims claims;
        try {
            claims = new Claims(Long.parseLong(parts[1]), parts[2], Long.parseLong(parts[3]));
        } catch (NumberFormatException e) {
            return Verdict.refused(Rejection.MALFORMED);
        }
        return claims.expiresAtMs() <= nowMs ? Verdict.refused(Rejection.EXPIRED) : Verdict.ok(claims);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
