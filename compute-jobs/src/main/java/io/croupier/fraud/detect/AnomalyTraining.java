package io.croupier.fraud.detect;

import io.croupier.schema.CacheSchema;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Trains the anomaly model from the grid as a colocated map-reduce: every server node computes each feature's
 * count, sum and sum of squares over the players of its own primary partitions (a local scan of PLAYER_ACTIVITY and
 * a local query of FRAUD_ALERT; no player's data crosses the network), the caller adds the sums up and writes the
 * model to the replicated RISK_MODEL cache, where every node's detector reads it locally.
 */
public final class AnomalyTraining {
    /** The cross-player rules whose open alerts are a feature of the player. */
    static final List<AlertRule> LINKED_RULES = List.of(AlertRule.MULTI_ACCOUNT, AlertRule.TABLE_COLLUSION,
            AlertRule.CHIP_DUMPING);

    private AnomalyTraining() {
    }

    /** Trains from every server's players and stores the model; returns it. Runs from any node. */
    public static AnomalyModel retrain(Ignite ignite, Clock clock) {
        long now = clock.millis();
        Collection<double[]> parts = ignite.compute(ignite.cluster().forServers()).broadcast(new MapJob(now));
        double[] total = new double[1 + 2 * AnomalyFeatures.NAMES.length];
        for (double[] part : parts) {
            for (int i = 0; i < total.length; i++) {
                total[i] += part[i];
            }
        }
        AnomalyModel model = AnomalyModel.fromSums(total, now);
        IgniteCache<String, AnomalyModel> models = ignite.cache(CacheSchema.RISK_MODEL);
        models.put(AnomalyModel.KEY, model);
        return model;
    }

    /** The model in force, or null before the first training. */
    public static AnomalyModel current(Ignite ignite) {
        IgniteCache<String, AnomalyModel> models = ignite.cache(CacheSchema.RISK_MODEL);
        return models.get(AnomalyModel.KEY);
    }

    /** The map step on one node: sums over the players of its primary partitions. */
    static double[] localSums(Ignite ignite, long nowMs) {
        DetectSettings settings = DetectSettings.read(new RiskSettingStore(ignite, Clock.systemUTC()));
        ClusterNode local = ignite.cluster().localNode();
        int[] partitions = ignite.affinity(CacheSchema.PLAYER_ACTIVITY).primaryPartitions(local);
        Map<Long, Integer> linked = linkedAlerts(ignite, partitions);
        IgniteCache<Long, PlayerActivity> activities = ignite.cache(CacheSchema.PLAYER_ACTIVITY);
        int k = AnomalyFeatures.NAMES.length;
        double[] sums = new double[1 + 2 * k];
        for (int p : partitions) {
            try (QueryCursor<Cache.Entry<Long, PlayerActivity>> rows =
                         activities.query(new ScanQuery<Long, PlayerActivity>().setPartition(p).setLocal(true))) {
                for (Cache.Entry<Long, PlayerActivity> row : rows) {
                    double[] x = AnomalyFeatures.of(row.getValue(), nowMs, settings,
                            linked.getOrDefault(row.getKey(), 0));
                    sums[0]++;
                    for (int i = 0; i < k; i++) {
                        sums[1 + 2 * i] += x[i];
                        sums[2 + 2 * i] += x[i] * x[i];
                    }
                }
            }
        }
        return sums;
    }

    /** OPEN alerts of the linked rules per player, over the given (local primary) partitions only. */
    static Map<Long, Integer> linkedAlerts(Ignite ignite, int[] partitions) {
        Map<Long, Integer> counts = new HashMap<>();
        if (partitions.length == 0) {
            return counts;
        }
        SqlFieldsQuery q = new SqlFieldsQuery("SELECT PLAYER_ID, COUNT(*) FROM " + CacheSchema.SQL_SCHEMA
                + ".FRAUD_ALERT WHERE STATUS = 'OPEN' AND RULE IN (" + linkedRulesSql() + ") GROUP BY PLAYER_ID")
                .setLocal(true).setPartitions(partitions);
        for (List<?> row : ignite.cache(CacheSchema.FRAUD_ALERT).query(q)) {
            counts.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).intValue());
        }
        return counts;
    }

    static String linkedRulesSql() {
        StringBuilder s = new StringBuilder();
        for (AlertRule r : LINKED_RULES) {
            s.append(s.length() == 0 ? "" : ", ").append('\'').append(r.name()).append('\'');
        }
        return s.toString();
    }

    private static final class MapJob implements IgniteCallable<double[]> {
        private static final long serialVersionUID = 1L;
        private final long nowMs;
        @IgniteInstanceResource
        private transient Ignite ignite;

        MapJob(long nowMs) {
            this.nowMs = nowMs;
        }

        @Override
        public double[] call() {
            return localSums(ignite, nowMs);
        }
    }
}
