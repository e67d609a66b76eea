package io.croupier.fraud.detect;

import io.croupier.roulette.RoundStake;
import io.croupier.schema.CacheSchema;
import io.croupier.slots.SlotCatalog;
import io.croupier.wallet.CommitListener;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.OperationKind;
import io.croupier.wallet.TransferKey;
import io.croupier.wallet.TransferRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.metric.MetricRegistry;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node-local fraud and AML detector. Fed by the commit lanes after each commit ({@link CommitListener}), it
 * judges each applied operation on this node's own threads, next to the data:
 * <ol>
 * <li>queue: the operation's (player, key), on the thread of the player's partition; a full queue drops and counts,
 * the lane never waits;</li>
 * <li>read: the TRANSFER row from this node's primary copy ({@code localPeek}); a player this node is no longer
 * primary for is skipped (the new primary's sweep covers them);</li>
 * <li>fold: the rows of a batch of events into their players' PLAYER_ACTIVITY in one local transaction of its own
 * (never the money's);</li>
 * <li>judge: {@link PlayerRules#all()} over the activity, thresholds from RISK_SETTING, the model from RISK_MODEL
 * (both replicated: local reads);</li>
 * <li>act: {@link FraudAlerts#raise} for each new or worse finding (alert and account status in one transaction, in
 * the player's partition, here).</li>
 * </ol>
 * Roulette stakes, applied by the bet job beside the round's rows and not on the lane, arrive as a {@code RoundStake}
 * message with the exact theory of the round's bets, and are queued like a lane's event.
 * A sweep thread is the backstop: every {@code sweepPeriodMs} it counts each player's TRANSFER rows in this node's
 * primary partitions (a local scan) and re-folds from their rows any player whose activity counted fewer (an event
 * dropped, or lost with a node that died before judging it); the oldest server also retrains the anomaly model every
 * {@code retrainPeriodMs}.
 */
public final class Detector implements CommitListener {
    private static final Logger log = LoggerFactory.getLogger(Detector.class);
    private static final String NODE_LOCAL_KEY = Detector.class.getName();
    private static final int BATCH_EVENTS_MAX = 256;
    /** How long a batch gathers events after its first one: adds at most this to detection latency. */
    private static final long BATCH_WINDOW_MS = 20;
    /**
     * Ignite custom metric registry of the detector's counters, as the node lists it (Ignite prefixes custom
     * registries with {@code custom.}; Prometheus shows them as {@code ignite_custom_croupier_detect_*}).
     */
    public static final String METRICS_REGISTRY = "custom.croupier.detect";
    /** The anomaly score is computed at cashier events and every this many operations (it reads the alerts). */
    private static final int ANOMALY_EVERY_TRANSFERS = 50;

    private final Ignite ignite;
    private final DetectorSettings settings;
    private final SlotProfiles slotProfiles;
    private final Clock clock;
    private final FraudAlerts alerts;
    private final RiskSettingStore store;
    private final Worker[] workers;
    private final AtomicBoolean defaultsWritten = new AtomicBoolean();
    private final LongAdder queued = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder evaluated = new LongAdder();
    private final LongAdder notPrimary = new LongAdder();
    private final LongAdder missingRows = new LongAdder();
    private final LongAdder raised = new LongAdder();
    private final LongAdder sweeps = new LongAdder();
    private final LongAdder refolded = new LongAdder();
    private volatile Caches caches;

    /** What the detector has done since the node started. */
    public record Stats(long queued, long dropped, long evaluated, long notPrimary, long missingRows, long raised,
                        long sweeps, long refolded) {
    }

    private Detector(Ignite ignite, DetectorSettings settings, SlotCatalog slots, Clock clock) {
        this.ignite = ignite;
        this.settings = settings;
        this.slotProfiles = new SlotProfiles(slots);
        this.clock = clock;
        this.alerts = new FraudAlerts(ignite, clock);
        this.store = new RiskSettingStore(ignite, clock);
        this.workers = new Worker[settings.threads()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i);
        }
    }

    /**
     * Starts this node's detector (threads, sweep) and registers it; the caller hands it to the commit lanes as
     * their listener. Caches are touched only once the cluster is active; the rules' defaults are written then.
     */
    public static Detector start(Ignite ignite, DetectorSettings settings, SlotCatalog slots, Clock clock) {
        Detector d = new Detector(ignite, settings, slots, clock);
        ignite.cluster().nodeLocalMap().put(NODE_LOCAL_KEY, d);
        for (Worker w : d.workers) {
            Thread t = new Thread(w, "croupier-detect-" + ignite.name() + "-" + w.index);
            t.setDaemon(true);
            t.start();
        }
        Thread sweeper = new Thread(d::sweepLoop, "croupier-detect-sweep-" + ignite.name());
        sweeper.setDaemon(true);
        sweeper.start();
        d.registerMetrics();
        // Roulette stakes are applied by the bet job, not on the lane: it tells the player's primary (normally here).
        ignite.message().localListen(RoundStake.TOPIC, (nodeId, message) -> {
            d.onRouletteStake((RoundStake) message);
            return true;
        });
        ignite.cluster().nodeLocalMap().put(RoundStake.LISTENING, Boolean.TRUE);
        d.writeDefaultsIfActive();
        return d;
    }

    /** The counters as Ignite custom metrics, so the node's metrics endpoint shows drops next to the rest. */
    private void registerMetrics() {
        try {
            MetricRegistry m = ignite.metrics().getOrCreate("croupier.detect");
            m.register("queued", queued::sum, "Events handed to the detector by the commit lanes.");
            m.register("dropped", dropped::sum, "Events dropped because the detector queue was full.");
            m.register("evaluated", evaluated::sum, "Rule evaluations of a player's activity.");
            m.register("notPrimary", notPrimary::sum, "Events skipped: this node was no longer the player's primary.");
            m.register("raised", raised::sum, "Findings raised as alerts (new or worse).");
            m.register("refolded", refolded::sum, "Players re-folded from their rows by the sweep.");
            m.register("queueSize", () -> {
                long n = 0;
                for (Worker w : workers) {
                    n += w.queue.size();
                }
                return n;
            }, "Events waiting in the detector queues.");
        } catch (RuntimeException e) {
            log.warn("Detector metrics not registered ({}); Detector.stats() still counts", e.toString());
        }
    }

    /** This node's detector, or null when detection is off here. */
    public static Detector of(Ignite ignite) {
        return (Detector) ignite.cluster().nodeLocalMap().get(NODE_LOCAL_KEY);
    }

    public Stats stats() {
        return new Stats(queued.sum(), dropped.sum(), evaluated.sum(), notPrimary.sum(), missingRows.sum(),
                raised.sum(), sweeps.sum(), refolded.sum());
    }

    // 1. queue (on the commit lane's thread: never block)
    @Override
    public void committed(List<MoneyRequest> applied) {
        for (MoneyRequest r : applied) {
            offer(new Task(r.playerId(), r.idempotencyKey(), null));
        }
    }

    /** A roulette stake told by the bet job (on Ignite's messaging thread: never block). */
    private void onRouletteStake(RoundStake stake) {
        offer(new Task(stake.playerId(), stake.idempotencyKey(), stake));
    }

    private void offer(Task task) {
        if (workerOf(task.playerId()).queue.offer(task)) {
            queued.increment();
        } else {
            dropped.increment();
            long n = dropped.sum();
            if (n == 1 || n % 10_000 == 0) {
                log.warn("Detector queue full: {} events dropped so far; the sweep will re-fold their players", n);
            }
        }
    }

    private Worker workerOf(long playerId) {
        return workers[Math.floorMod(caches().affinity.partition(playerId), workers.length)];
    }

    /**
     * An event (idempotencyKey set; with the round's theory for a roulette stake) or a re-fold of the player from
     * their rows (idempotencyKey null).
     */
    private record Task(long playerId, String idempotencyKey, RoundStake rouletteStake) {
    }

    private final class Worker implements Runnable {
        final int index;
        final ArrayBlockingQueue<Task> queue = new ArrayBlockingQueue<>(settings.queueEventsMax());

        Worker(int index) {
            this.index = index;
        }

        @Override
        public void run() {
            List<Task> batch = new ArrayList<>(BATCH_EVENTS_MAX);
            while (Ignition.state(ignite.name()) == IgniteState.STARTED) {
                try {
                    Task first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH_EVENTS_MAX - 1);
                    if (batch.size() < BATCH_EVENTS_MAX) {
                        // Let a batch gather: one fold transaction and one settings read for many events instead of
                        // one each (measured: a detector judging each event alone added ~30 % to a spin's node CPU).
                        Thread.sleep(BATCH_WINDOW_MS);
                        queue.drainTo(batch, BATCH_EVENTS_MAX - batch.size());
                    }
                    // Events mean an active cluster: a persistent one activated after start gets its defaults now.
                    writeDefaultsIfActive();
                    // One snapshot of the thresholds and the model per batch: a change applies from the next batch.
                    DetectSettings thresholds = DetectSettings.read(store);
                    AnomalyModel model = caches().models.get(AnomalyModel.KEY);
                    judgeBatch(batch, thresholds, model);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    if (Ignition.state(ignite.name()) == IgniteState.STARTED) {
                        log.error("Detector thread {} failed a batch of {}", index, batch.size(), e);
                    }
                } finally {
                    batch.clear();
                }
            }
        }
    }

    /**
     * One batch: 2. read each event's TRANSFER row locally, 3. fold them all into their players' activities in one
     * transaction (keys sorted), 4. judge each event against its player's activity right after it, 5. act.
     */
    private void judgeBatch(List<Task> batch, DetectSettings thresholds, AnomalyModel model) {
        List<Pending> events = new ArrayList<>(batch.size());
        for (Task t : batch) {
            if (t.idempotencyKey() == null) {
                try {
                    refold(t.playerId(), thresholds, model);
                } catch (RuntimeException e) {
                    log.warn("Detector could not re-fold player {}; the next sweep will retry", t.playerId(), e);
                }
            } else {
                ActivityEvent e = readLocally(t);
                if (e != null) {
                    events.add(new Pending(e, t.rouletteStake()));
                }
            }
        }
        if (events.isEmpty()) {
            return;
        }
        List<Folded> folded;
        try {
            folded = fold(events, thresholds);
        } catch (RuntimeException e) {
            // A topology change or timeout mid-transaction: nothing was written, the sweep re-folds these players.
            log.warn("Detector could not fold a batch of {} events; the sweep will catch up", events.size(), e);
            return;
        }
        for (Folded f : folded) {
            try {
                boolean scoreNow = model != null
                        && (f.event.isCashier() || f.activity.transfers() % ANOMALY_EVERY_TRANSFERS == 0);
                act(PlayerRules.findings(facts(f.event, f.activity, thresholds, scoreNow ? model : null)));
            } catch (RuntimeException e) {
                log.warn("Detector could not judge player {}", f.event.playerId(), e);
            }
        }
    }

    /** An event read from its row, with the roulette round's theory when it is a roulette stake. */
    private record Pending(ActivityEvent event, RoundStake rouletteStake) {
    }

    /** An event and its player's activity right after it. */
    private record Folded(ActivityEvent event, PlayerActivity activity) {
    }

    /** 2. read: only this node's primary copy; null when this node is no longer primary or the row is not here. */
    private ActivityEvent readLocally(Task t) {
        Caches c = caches();
        if (!c.affinity.isPrimary(ignite.cluster().localNode(), t.playerId())) {
            notPrimary.increment();
            return null;
        }
        TransferKey key = new TransferKey(t.playerId(), t.idempotencyKey());
        TransferRecord record = c.transfers.localPeek(key, CachePeekMode.PRIMARY);
        if (record == null) {
            missingRows.increment();
            return null;
        }
        return ActivityEvent.of(key, record);
    }

    /**
     * 3. fold: every event of the batch, in order, in one local transaction; events already folded are skipped.
     * Optimistic: a player's activity has one writer on its primary (the worker of its partition, which also runs its
     * re-folds), so the rows are read without a lock each and locked once at commit; a conflict (a topology change)
     * fails the batch like any other failure and the sweep re-folds its players. Measured against a pessimistic
     * transaction: see docs/ARCHITECTURE.md decision 75.
     */
    private List<Folded> fold(List<Pending> events, DetectSettings thresholds) {
        Caches c = caches();
        TreeSet<Long> players = new TreeSet<>();
        events.forEach(p -> players.add(p.event().playerId()));
        String here = localId();
        long now = clock.millis();
        List<Folded> folded = new ArrayList<>(events.size());
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.OPTIMISTIC,
                TransactionIsolation.SERIALIZABLE)) {
            Map<Long, PlayerActivity> read = c.activities.getAll(players);
            TreeMap<Long, PlayerActivity> writes = new TreeMap<>();
            for (Pending p : events) {
                ActivityEvent e = p.event();
                PlayerActivity before = writes.containsKey(e.playerId()) ? writes.get(e.playerId())
                        : orNone(read.get(e.playerId()));
                if (before.covers(e)) {
                    continue;
                }
                RoundStake roulette = p.rouletteStake();
                PlayerActivity after = (roulette != null && e.kind() == OperationKind.BET
                        ? before.afterRouletteStake(e, roulette.expectedReturnDeltaMinor(),
                                roulette.returnVarianceDeltaMinor2(), roulette.firstOfRound(),
                                thresholds.cashierRetentionMs())
                        : before.after(e, profileOf(e, thresholds), thresholds.cashierRetentionMs(),
                                thresholds.winRateRoundWinSdMax()))
                        .evaluatedOn(here, now);
                writes.put(e.playerId(), after);
                folded.add(new Folded(e, after));
            }
            if (!writes.isEmpty()) {
                c.activities.putAll(writes);
            }
            tx.commit();
        }
        return folded;
    }

    /** The sweep's repair: the player's activity folded again from all their TRANSFER rows in this partition. */
    private void refold(long playerId, DetectSettings thresholds, AnomalyModel model) {
        Caches c = caches();
        if (!c.affinity.isPrimary(ignite.cluster().localNode(), playerId)) {
            notPrimary.increment();
            return;
        }
        List<ActivityEvent> events = new ArrayList<>();
        ScanQuery<TransferKey, TransferRecord> scan = new ScanQuery<TransferKey, TransferRecord>(
                (k, v) -> k.playerId() == playerId).setPartition(c.affinity.partition(playerId)).setLocal(true);
        try (QueryCursor<Cache.Entry<TransferKey, TransferRecord>> rows = c.transfers.query(scan)) {
            for (Cache.Entry<TransferKey, TransferRecord> row : rows) {
                events.add(ActivityEvent.of(row.getKey(), row.getValue()));
            }
        }
        if (events.isEmpty()) {
            return;
        }
        events.sort(Comparator.comparingLong(ActivityEvent::atMs).thenComparing(ActivityEvent::idempotencyKey));
        PlayerActivity rebuilt = PlayerActivity.NONE;
        List<Finding> findings = new ArrayList<>();
        long lastAt = events.get(events.size() - 1).atMs();
        for (ActivityEvent e : events) {
            rebuilt = rebuilt.after(e, profileOf(e, thresholds), thresholds.cashierRetentionMs(),
                    thresholds.winRateRoundWinSdMax());
            // Cashier rules are judged at the event; only those still inside a window can matter now.
            if (e.isCashier() && e.atMs() >= lastAt - thresholds.cashierRetentionMs()) {
                findings.addAll(PlayerRules.findings(facts(e, rebuilt, thresholds, null)));
            }
        }
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ)) {
            PlayerActivity current = c.activities.get(playerId);
            // Caught up meanwhile, or a partition still arriving here (rebalancing) showed fewer rows than were folded.
            if (current != null && current.transfers() >= events.size()) {
                tx.commit();
                return;
            }
            rebuilt = rebuilt.evaluatedOn(localId(), clock.millis());
            c.activities.put(playerId, rebuilt);
            tx.commit();
        }
        refolded.increment();
        ActivityEvent last = events.get(events.size() - 1);
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).isRound()) {
                last = events.get(i);
                break;
            }
        }
        findings.addAll(PlayerRules.findings(facts(last, rebuilt, thresholds, model)));
        act(findings);
    }

    private PlayerFacts facts(ActivityEvent e, PlayerActivity a, DetectSettings thresholds, AnomalyModel model) {
        evaluated.increment();
        return new PlayerFacts(e, a, thresholds, model, model == null ? 0 : linkedAlerts(e.playerId()));
    }

    /** The player's OPEN alerts of the cross-player rules: a local query of the player's own partition. */
    private int linkedAlerts(long playerId) {
        SqlFieldsQuery q = new SqlFieldsQuery("SELECT COUNT(*) FROM " + CacheSchema.SQL_SCHEMA
                + ".FRAUD_ALERT WHERE PLAYER_ID = ? AND STATUS = 'OPEN' AND RULE IN ("
                + AnomalyTraining.linkedRulesSql() + ")").setArgs(playerId).setLocal(true)
                .setPartitions(caches().affinity.partition(playerId));
        List<List<?>> rows = caches().alertRows.query(q).getAll();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(0)).intValue();
    }

    /** Raises each finding that is new, or worse than the OPEN alert it repeats; a reviewed alert stays closed. */
    private void act(List<Finding> findings) {
        for (Finding f : findings) {
            FraudAlert existing = caches().alerts.localPeek(f.key(), CachePeekMode.PRIMARY);
            if (existing != null && (existing.status() != AlertStatus.OPEN
                    || (existing.severity().compareTo(f.severity()) >= 0 && existing.score() >= f.score()))) {
                continue;
            }
            alerts.raise(f);
            raised.increment();
        }
    }

    /** The theory of a round's game: slots exactly from their definition, third-party rounds from the settings. */
    private GameProfile profileOf(ActivityEvent e, DetectSettings thresholds) {
        if (e.kind() == OperationKind.SPIN) {
            return slotProfiles.of(e.reference());
        }
        if (e.kind() == OperationKind.BET_AND_WIN) {
            // A profile set to nonsense at run time (variance 0) must not stop the detector: such rounds go unjudged.
            boolean usable = thresholds.defaultRtp() > 0 && thresholds.defaultRtp() < 10
                    && thresholds.defaultVariancePerUnit() > 0;
            return usable ? new GameProfile(thresholds.defaultRtp(), thresholds.defaultVariancePerUnit()) : null;
        }
        return null;
    }

    // The sweep: the backstop for events that never reached a detector.
    private void sweepLoop() {
        long next = clock.millis() + settings.sweepPeriodMs();
        while (Ignition.state(ignite.name()) == IgniteState.STARTED) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, next - clock.millis())));
                if (clock.millis() < next) {
                    continue;
                }
                next = clock.millis() + settings.sweepPeriodMs();
                if (ignite.cluster().state() == ClusterState.ACTIVE) {
                    sweep();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (Ignition.state(ignite.name()) == IgniteState.STARTED) {
                    log.warn("Detector sweep failed; next in {} ms", settings.sweepPeriodMs(), e);
                }
            }
        }
    }

    /**
     * One sweep of this node's primary partitions: players whose activity counted fewer transfers than they have are
     * queued for a re-fold; the oldest server retrains the model when it is due. Returns the players queued.
     */
    public int sweep() throws InterruptedException {
        writeDefaultsIfActive();
        Caches c = caches();
        ClusterNode local = ignite.cluster().localNode();
        int queuedPlayers = 0;
        for (int p : c.affinity.primaryPartitions(local)) {
            Map<Long, Long> counts = new HashMap<>();
            try (QueryCursor<Cache.Entry<TransferKey, TransferRecord>> rows = c.transfers.query(
                    new ScanQuery<TransferKey, TransferRecord>().setPartition(p).setLocal(true))) {
                for (Cache.Entry<TransferKey, TransferRecord> row : rows) {
                    counts.merge(row.getKey().playerId(), 1L, Long::sum);
                }
            }
            for (Map.Entry<Long, Long> e : counts.entrySet()) {
                PlayerActivity a = c.activities.localPeek(e.getKey(), CachePeekMode.PRIMARY);
                if (a == null || a.transfers() < e.getValue()) {
                    // The sweep's own thread may wait for room; the lanes never do.
                    workerOf(e.getKey()).queue.put(new Task(e.getKey(), null, null));
                    queuedPlayers++;
                }
            }
        }
        sweeps.increment();
        retrainIfDue();
        return queuedPlayers;
    }

    private void retrainIfDue() {
        ClusterNode oldest = ignite.cluster().forServers().forOldest().node();
        if (oldest == null || !oldest.isLocal()) {
            return;
        }
        AnomalyModel model = caches().models.get(AnomalyModel.KEY);
        if (model == null || clock.millis() - model.trainedAt().getTime() >= settings.retrainPeriodMs()) {
            AnomalyModel trained = AnomalyTraining.retrain(ignite, clock);
            log.info("Anomaly model retrained on {} players", trained.players());
        }
    }

    private void writeDefaultsIfActive() {
        if (!defaultsWritten.get() && ignite.cluster().state() == ClusterState.ACTIVE) {
            store.writeDefaults(DetectSettings.defaultValues());
            defaultsWritten.set(true);
        }
    }

    private String localId() {
        return String.valueOf(ignite.cluster().localNode().consistentId());
    }

    private static PlayerActivity orNone(PlayerActivity a) {
        return a == null ? PlayerActivity.NONE : a;
    }

    /** Looked up on first use: a persistent cluster's caches are not reachable before activation. */
    private Caches caches() {
        Caches c = caches;
        if (c == null) {
            c = new Caches(ignite.affinity(CacheSchema.PLAYER), ignite.cache(CacheSchema.TRANSFER),
                    ignite.cache(CacheSchema.PLAYER_ACTIVITY), ignite.cache(CacheSchema.FRAUD_ALERT),
                    ignite.cache(CacheSchema.FRAUD_ALERT), ignite.cache(CacheSchema.RISK_MODEL));
            caches = c;
        }
        return c;
    }

    private record Caches(Affinity<Long> affinity, IgniteCache<TransferKey, TransferRecord> transfers,
                          IgniteCache<Long, PlayerActivity> activities, IgniteCache<FraudAlertKey, FraudAlert> alerts,
                          IgniteCache<?, ?> alertRows, IgniteCache<String, AnomalyModel> models) {
    }
}
