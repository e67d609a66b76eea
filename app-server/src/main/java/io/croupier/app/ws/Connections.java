package io.croupier.app.ws;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The connections of this app server, indexed by player and by table so a push finds its receivers in O(1). */
final class Connections {
    private final Set<Connection> all = ConcurrentHashMap.newKeySet();
    private final Map<Long, Set<Connection>> byPlayer = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> byTable = new ConcurrentHashMap<>();

    void add(Connection c) {
        all.add(c);
    }

    /** Forgets a closed connection everywhere. */
    void remove(Connection c) {
        all.remove(c);
        unbindPlayer(c);
        unseat(c);
    }

    void bindPlayer(Connection c, long playerId) {
        byPlayer.computeIfAbsent(playerId, id -> ConcurrentHashMap.newKeySet()).add(c);
    }

    void unbindPlayer(Connection c) {
        long playerId = c.playerId();
        if (playerId > 0) {
            byPlayer.computeIfPresent(playerId, (id, set) -> {
                set.remove(c);
                return set.isEmpty() ? null : set;
            });
        }
    }

    void seat(Connection c, String tableId) {
        unseat(c);
        c.tableId(tableId);
        byTable.computeIfAbsent(tableId, id -> ConcurrentHashMap.newKeySet()).add(c);
    }

    void unseat(Connection c) {
        String tableId = c.tableId();
        if (tableId != null) {
            byTable.computeIfPresent(tableId, (id, set) -> {
                set.remove(c);
                return set.isEmpty() ? null : set;
            });
            c.tableId(null);
        }
    }

    Collection<Connection> ofPlayer(long playerId) {
        Set<Connection> s = byPlayer.get(playerId);
        return s == null ? Set.of() : s;
    }

    Collection<Connection> atTable(String tableId) {
        Set<Connection> s = byTable.get(tableId);
        return s == null ? Set.of() : s;
    }

    Collection<Connection> all() {
        return all;
    }

    int size() {
        return all.size();
    }

    int players() {
        return byPlayer.size();
    }

    long queuedMessages() {
        long total = 0;
        for (Connection c : all) {
            total += c.queued();
        }
        return total;
    }

    int queuedMessagesMax() {
        int max = 0;
        for (Connection c : all) {
            max = Math.max(max, c.queued());
        }
        return max;
    }
}
