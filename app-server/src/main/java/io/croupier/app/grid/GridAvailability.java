package io.croupier.app.grid;

import javax.cache.CacheException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.lang.IgniteFuture;

/**
 * Whether the grid can take requests now, answered from local state without a network round trip, so the edge can
 * refuse at once ({@code SERVICE_UNAVAILABLE}) instead of hanging while a client node is cut off. A client node
 * reconnects by itself; this turns true again when it has.
 */
public final class GridAvailability {
    private final Ignite ignite;

    GridAvailability(Ignite ignite) {
        this.ignite = ignite;
    }

    public boolean isAvailable() {
        try {
            // A client node keeps the future of its last reconnect, completed once it is back.
            IgniteFuture<?> reconnect = ignite.cluster().clientReconnectFuture();
            return (reconnect == null || reconnect.isDone())
                    && !ignite.cluster().forServers().nodes().isEmpty()
                    && ignite.cluster().state() == ClusterState.ACTIVE;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether a failure came from the grid (lost connection, topology change, timeout) rather than from our code. */
    public static boolean isGridFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IgniteException || t instanceof CacheException
                    || t instanceof org.apache.ignite.IgniteCheckedException) {
                return true;
            }
        }
        return false;
    }
}
