package io.croupier.wallet;

import java.util.List;

/**
 * Hears what a commit lane applied, after the group's transaction committed: the requests that moved money now
 * (never a rejection, never a replay). Called on the lane's own thread, so an implementation
 * must not block, wait or do I/O: hand the work to a bounded queue of its own and drop (and count) when it is full.
 * A listener that throws is logged and does not affect the results already decided.
 */
@FunctionalInterface
public interface CommitListener {
    CommitListener NONE = applied -> {
    };

    /** The operations applied, in commit order; what they wrote is in their TRANSFER rows. */
    void committed(List<MoneyRequest> applied);
}
