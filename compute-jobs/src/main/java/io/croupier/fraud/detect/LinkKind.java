package io.croupier.fraud.detect;

/**
 * What ties several accounts together in DEVICE_LINK: a device fingerprint (stored as its SHA-256) or the client's IP
 * address. The severity of a MULTI_ACCOUNT finding depends on it: a device is personal, an address is often shared
 * (carrier NAT, a family's or a café's Wi-Fi).
 */
public enum LinkKind {
    DEVICE("device", Severity.MEDIUM),
    IP("ip", Severity.LOW);

    private final String subjectPrefix;
    private final Severity severity;

    LinkKind(String subjectPrefix, Severity severity) {
        this.subjectPrefix = subjectPrefix;
        this.severity = severity;
    }

    /** The alert subject's prefix: {@code device:<hash prefix>} or {@code ip:<address>}. */
    String subjectPrefix() {
        return subjectPrefix;
    }

    /** Severity of a MULTI_ACCOUNT finding on a link of this kind. */
    Severity severity() {
        return severity;
    }
}
