package io.croupier.roulette;

import java.util.List;
import org.apache.ignite.Ignite;

/**
 * Hears each round a table driver settled, on the driver's node (the primary of the table's partition), right after
 * the round became SETTLED. Called on the driver's thread: an implementation must not block, wait or do I/O — it
 * hands the work to a bounded queue of its own and drops (and counts) when that is full, so settlement never waits
 * for it. A listener that throws is logged and changes nothing of the round.
 */
@FunctionalInterface
public interface RoundListener {
    RoundListener NONE = round -> {
    };

    void settled(SettledRound round);

    /**
     * A settled round as its driver read it.
     *
     * @param bets        the round's TABLE_BET rows as read (locally) for settlement
     * @param settledAtMs when the round was marked SETTLED
     */
    record SettledRound(String tableId, long roundNo, int number, List<TableBet> bets, long settledAtMs) {
        public SettledRound {
            bets = List.copyOf(bets);
        }
    }

    /** Sets this node's listener (a server node's start); one per node, the last one set wins. */
    static void install(Ignite ignite, RoundListener listener) {
        ignite.cluster().nodeLocalMap().put(RoundListener.class.getName(), listener);
    }

    /** This node's listener, {@link #NONE} if none was installed. */
    static RoundListener of(Ignite ignite) {
        Object l = ignite.cluster().nodeLocalMap().get(RoundListener.class.getName());
        return l instanceof RoundListener listener ? listener : NONE;
    }
}
