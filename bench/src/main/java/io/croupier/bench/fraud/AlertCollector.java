package io.croupier.bench.fraud;

import io.croupier.schema.CacheSchema;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

/**
 * Every FRAUD_ALERT row as it is written, through a continuous query from the simulator's client node (the initial
 * scan picks up rows written before it started). Rows are read as binary objects by column name, so the collector
 * needs nothing of the detector's classes. The first sighting of each (player, alert id) is kept: a repeat of a
 * finding updates the row, but its EVENT_AT and CREATED_AT stay those of the first.
 */
final class AlertCollector implements AutoCloseable {
    private final Map<String, Alert> alerts = new ConcurrentHashMap<>();
    private final QueryCursor<Cache.Entry<BinaryObject, BinaryObject>> cursor;

    AlertCollector(Ignite ignite) {
        IgniteCache<BinaryObject, BinaryObject> cache = ignite.cache(CacheSchema.FRAUD_ALERT).withKeepBinary();
        ContinuousQuery<BinaryObject, BinaryObject> query = new ContinuousQuery<>();
        query.setInitialQuery(new ScanQuery<>());
        query.setLocalListener(events -> {
            for (CacheEntryEvent<? extends BinaryObject, ? extends BinaryObject> e : events) {
                if (e.getValue() != null) {
                    add(e.getKey(), e.getValue());
                }
            }
        });
        cursor = cache.query(query);
        for (Cache.Entry<BinaryObject, BinaryObject> e : cursor) {
            add(e.getKey(), e.getValue());
        }
    }

    private void add(BinaryObject key, BinaryObject value) {
        long playerId = key.<Long>field("playerId");
        String alertId = key.field("alertId");
        alerts.computeIfAbsent(playerId + "/" + alertId, k -> new Alert(playerId, value.field("rule"), alertId,
                value.field("severity"), millis(value.field("eventAt")), millis(value.field("createdAt")),
                System.currentTimeMillis()));
    }

    private static long millis(Object timestamp) {
        return timestamp instanceof Timestamp t ? t.getTime() : timestamp instanceof java.util.Date d ? d.getTime() : 0;
    }

    List<Alert> alerts() {
        return new ArrayList<>(alerts.values());
    }

    int size() {
        return alerts.size();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
