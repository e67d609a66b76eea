package io.croupier.fraud.detect;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * Value of the DEVICE_LINK cache (key {@link DeviceLinkKey}): one account seen on one device or address, when first
 * and last, and in how many sessions. SQL: CROUPIER.DEVICE_LINK.
 */
public final class DeviceLink implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String kind;
    /** The SHA-256 hex of the device fingerprint, or the IP address; never the raw fingerprint. */
    private final String value;
    private final Timestamp firstSeen;
    private final Timestamp lastSeen;
    private final long sessions;

    DeviceLink(LinkKind kind, String value, Timestamp firstSeen, Timestamp lastSeen, long sessions) {
        this.kind = kind.name();
        this.value = value;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
        this.sessions = sessions;
    }

    static DeviceLink first(LinkKind kind, String value, long atMs) {
        Timestamp at = new Timestamp(atMs);
        return new DeviceLink(kind, value, at, at, 1);
    }

    /** One more session; the last-seen time never goes back (a late message does not rewind it). */
    DeviceLink seenAgain(long atMs) {
        return new DeviceLink(kind(), value, firstSeen, new Timestamp(Math.max(atMs, lastSeen.getTime())),
                sessions + 1);
    }

    public LinkKind kind() {
        return LinkKind.valueOf(kind);
    }

    public String value() {
        return value;
    }

    public Timestamp firstSeen() {
        return firstSeen;
    }

    public Timestamp lastSeen() {
        return lastSeen;
    }

    public long sessions() {
        return sessions;
    }
}
