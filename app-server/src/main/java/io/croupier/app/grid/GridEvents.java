package io.croupier.app.grid;

import io.croupier.roulette.TableEvent;
import io.croupier.schema.CacheSchema;
import io.croupier.wallet.Wallet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.event.CacheEntryEvent;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.lang.IgniteBiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the grid tells the edge as it happens, from the grid's own event mechanisms: a continuous query on the WALLET
 * cache (every committed balance change; this app server hears all of them and keeps those of its connected players)
 * and Ignite messaging on each table's topic (the table driver and the bet job publish there).
 *
 * <p>Listeners run on Ignite's notification threads: they must only hand the event on, never block.
 */
public final class GridEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GridEvents.class);

    /** Receives the events; plain values, no Ignite types. */
    public interface Listener {
        /** A committed wallet change; {@code updatedAtMs} is the commit time the wallet row carries. */
        void onBalance(long playerId, long balance, String currency, long updatedAtMs);

        void onTable(TableEvent event);
    }

    private final Ignite ignite;
    private final Map<String, IgniteBiPredicate<java.util.UUID, Object>> tableListeners = new ConcurrentHashMap<>();
    private volatile Listener listener;
    private volatile QueryCursor<?> walletQuery;

    GridEvents(Ignite ignite) {
        this.ignite = ignite;
    }

    /** Starts the wallet feed; table feeds start per table with {@link #listenTable}. */
    public synchronized void start(Listener target) {
        if (walletQuery != null) {
            return;
        }
        this.listener = target;
        IgniteCache<Long, Wallet> wallets = ignite.cache(CacheSchema.WALLET);
        ContinuousQuery<Long, Wallet> query = new ContinuousQuery<>();
        query.setLocalListener(events -> {
            for (CacheEntryEvent<? extends Long, ? extends Wallet> e : events) {
                Wallet w = e.getValue();
                if (w != null && !sameMoney(e.getOldValue(), w)) {
                    target.onBalance(e.getKey(), w.balance(), w.currency(),
                            w.updatedAt() == null ? 0 : w.updatedAt().getTime());
                }
            }
        });
        walletQuery = wallets.query(query);
        log.info("Listening to wallet changes (continuous query)");
    }

    /**
     * The wallet row also carries the play policies' state (a status change or a declined deposit rewrites it without
     * moving money): such a write keeps the balance and the time of the last money movement, and is no balance event.
     */
    static boolean sameMoney(Wallet before, Wallet after) {
        return before != null && before.balance() == after.balance()
                && java.util.Objects.equals(before.updatedAt(), after.updatedAt());
    }

    /** Subscribes to a table's topic once; later calls for the same table do nothing. */
    public void listenTable(String tableId) {
        Listener target = listener;
        if (target == null) {
            throw new IllegalStateException("start() first");
        }
        tableListeners.computeIfAbsent(tableId, id -> {
            IgniteBiPredicate<java.util.UUID, Object> l = (node, message) -> {
                if (message instanceof TableEvent event) {
                    target.onTable(event);
                }
                return true;
            };
            ignite.message().localListen(TableEvent.topic(id), l);
            return l;
        });
    }

    @Override
    public synchronized void close() {
        QueryCursor<?> q = walletQuery;
        walletQuery = null;
        if (q != null) {
            try {
                q.close();
            } catch (RuntimeException e) {
                log.debug("Closing the wallet query: {}", e.toString());
            }
        }
        tableListeners.forEach((id, l) -> {
            try {
                ignite.message().stopLocalListen(TableEvent.topic(id), l);
            } catch (RuntimeException e) {
                log.debug("Stopping the listener of table {}: {}", id, e.toString());
            }
        });
        tableListeners.clear();
    }
}
