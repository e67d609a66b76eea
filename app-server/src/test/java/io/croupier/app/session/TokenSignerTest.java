package io.croupier.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenSignerTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private final TokenSigner signer = new TokenSigner(KEY);

    @Test
    void aTokenItIssuedVerifiesUntilItExpires() {
        String token = signer.issue(42, "session-1", 10_000);

        TokenSigner.Verdict before = signer.verify(token, 9_999);
        assertThat(before.claims()).hasValue(new TokenSigner.Claims(42, "session-1", 10_000));
        assertThat(signer.verify(token, 10_000).rejection()).isEqualTo(TokenSigner.Rejection.EXPIRED);
    }

    @Test
    void aTokenOfAnotherKeyOrWithAnEditedPayloadIsRefused() {
        String token = signer.issue(42, "session-1", 10_000);
        String otherKey = new TokenSigner("ffffffffffffffffffffffffffffffff".getBytes()).issue(42, "session-1", 10_000);
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString("v1:43:session-1:10000".getBytes());
        String edited = payload + token.substring(token.indexOf('.'));

        assertThat(signer.verify(otherKey, 0).rejection()).isEqualTo(TokenSigner.Rejection.BAD_SIGNATURE);
        assertThat(signer.verify(edited, 0).rejection()).isEqualTo(TokenSigner.Rejection.BAD_SIGNATURE);
    }

    @Test
    void garbageIsMalformedNotAnException() {
        assertThat(signer.verify(null, 0).rejection()).isEqualTo(TokenSigner.Rejection.MALFORMED);
        assertThat(signer.verify("", 0).rejection()).isEqualTo(TokenSigner.Rejection.MALFORMED);
        assertThat(signer.verify("no-dot", 0).rejection()).isEqualTo(TokenSigner.Rejection.MALFORMED);
        assertThat(signer.verify("a.b.c", 0).rejection()).isEqualTo(TokenSigner.Rejection.MALFORMED);
        assertThat(signer.verify("!!!.???", 0).rejection()).isEqualTo(TokenSigner.Rejection.MALFORMED);
        assertThat(signer.verify("x".repeat(TokenSigner.TOKEN_CHARS_MAX + 1), 0).rejection())
                .isEqualTo(TokenSigner.Rejection.MALFORMED);
    }

    @Test
    void aShortKeyIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new TokenSigner(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
