package io.croupier.fraud.detect;

import java.io.Serializable;
import java.util.Objects;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/**
 * Key of a DEVICE_LINK row: the link ({@code DEVICE:<sha256 hex>} or {@code IP:<address>}) and an account seen on
 * it. Colocated by the link, so every account ever seen on one device or address is in one partition and counting
 * them is a local read on the link's primary node.
 */
public final class DeviceLinkKey implements Serializable, Comparable<DeviceLinkKey> {
    private static final long serialVersionUID = 1L;

    @AffinityKeyMapped
    private final String link;
    private final long playerId;

    public DeviceLinkKey(String link, long playerId) {
        this.link = Objects.requireNonNull(link, "link");
        this.playerId = playerId;
    }

    public String link() {
        return link;
    }

    public long playerId() {
        return playerId;
    }

    @Override
    public int compareTo(DeviceLinkKey o) {
        int c = link.compareTo(o.link);
        return c != 0 ? c : Long.compare(playerId, o.playerId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceLinkKey k && k.playerId == playerId && k.link.equals(link);
    }

    @Override
    public int hashCode() {
        return Objects.hash(link, playerId);
    }

    @Override
    public String toString() {
        return link + "/" + playerId;
    }
}
