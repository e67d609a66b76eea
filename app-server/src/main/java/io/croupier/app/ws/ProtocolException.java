package io.croupier.app.ws;

/** A request the edge refuses with a typed error code; the connection stays usable. Expected: no stack trace kept. */
final class ProtocolException extends RuntimeException {
    private final String code;

    ProtocolException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
