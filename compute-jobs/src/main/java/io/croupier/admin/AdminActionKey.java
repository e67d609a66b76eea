package io.croupier.admin;

import java.io.Serializable;
import java.util.Objects;
import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/** Key of an ADMIN_ACTION row: the player (partition) and the action key the administrator's tool chose. */
public final class AdminActionKey implements Serializable {
    private static final long serialVersionUID = 1L;

    @AffinityKeyMapped
    private final long playerId;
    private final String actionKey;

    public AdminActionKey(long playerId, String actionKey) {
        this.playerId = playerId;
        this.actionKey = actionKey;
    }

    public long playerId() {
        return playerId;
    }

    public String actionKey() {
        return actionKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdminActionKey k && k.playerId == playerId && k.actionKey.equals(actionKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(playerId, actionKey);
    }
}
