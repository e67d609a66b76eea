package io.croupier.fraud.detect;

import io.croupier.roulette.RoundListener;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.ignite.Ignite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks that look across players — MULTI_ACCOUNT ({@link DeviceLinks}), TABLE_COLLUSION and CHIP_DUMPING
 * ({@link TableCollusion}) — as one node-local object: their work queue, their settings and their counters.
 *
 * <p>Their work runs on one thread of its own per node with a bounded queue: a table driver or a link job hands work
 * over and returns at once, and raising an alert (which may be an affinity call to the player's node) never runs on
 * a driver's thread or in Ignite's public pool, where a nested synchronous call could starve it. A full queue drops
 * the work and counts it ({@link #dropped()}): the finding is late or missed, never a slower bet.
 */
public final class CrossPlayerChecks {
    private static final Logger log = LoggerFactory.getLogger(CrossPlayerChecks.class);
    private static final String KEY = CrossPlayerChecks.class.getName();
    /** Work waiting for the checks' thread on one node; above it work is dropped and counted. */
    public static final int QUEUE_TASKS_MAX = 10_000;
    private static final long THREAD_IDLE_MS = 30_000;

    private final Ignite ignite;
    private final Clock clock;
    private final RiskSettingStore settings;
    private final FraudAlerts alerts;
    private final ThreadPoolExecutor executor;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder roundsJudged = new LongAdder();
    private final LongAdder linksRecorded = new LongAdder();
    private final LongAdder alertsRaised = new LongAdder();
    private volatile boolean defaultsWritten;

    private CrossPlayerChecks(Ignite ignite, Clock clock) {
        this.ignite = ignite;
        this.clock = clock;
        this.settings = new RiskSettingStore(ignite, clock);
        this.alerts = new FraudAlerts(ignite, clock);
        this.executor = new ThreadPoolExecutor(1, 1, THREAD_IDLE_MS, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE_TASKS_MAX), r -> {
                    Thread t = new Thread(r, "croupier-cross-player-checks-" + ignite.name());
                    t.setDaemon(true);
                    return t;
                });
        // The thread ends when idle: a stopped node (many per test JVM) leaves nothing behind.
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Sets up this server node's cross-player checks: the collusion checks hear every round a table driver settles
     * here. Called once at a server node's start.
     */
    public static CrossPlayerChecks install(Ignite ignite, Clock clock) {
        CrossPlayerChecks checks = new CrossPlayerChecks(ignite, clock);
        ignite.cluster().nodeLocalMap().put(KEY, checks);
        RoundListener.install(ignite, new TableCollusion(ignite, checks));
        return checks;
    }

    /** This node's checks; set up with the system clock (and without the round listener) if not installed. */
    public static CrossPlayerChecks of(Ignite ignite) {
        ConcurrentMap<String, Object> local = ignite.cluster().nodeLocalMap();
        return (CrossPlayerChecks) local.computeIfAbsent(KEY, k -> new CrossPlayerChecks(ignite, Clock.systemUTC()));
    }

    /** Queues work for the checks' thread; false (and counted) when the queue is full. */
    boolean offer(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // A topology change or the node stopping: this finding is late or missed, the next event retries.
                    log.warn("Cross-player check failed on {}: {}", ignite.name(), e.toString(), e);
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            dropped.increment();
            if (dropped.sum() % 1_000 == 1) {
                log.warn("Cross-player checks on {}: queue full ({} tasks), {} dropped so far", ignite.name(),
                        QUEUE_TASKS_MAX, dropped.sum());
            }
            return false;
        }
    }

    /** Raises each finding (its alert and account action, in the player's partition); on the checks' thread. */
    void raiseAll(List<Finding> findings) {
        for (Finding f : findings) {
            alerts.raise(f);
            alertsRaised.increment();
        }
    }

    /** The thresholds store; writes this module's defaults once per node (existing values, set at run time, stay). */
    RiskSettingStore settings() {
        if (!defaultsWritten) {
            settings.writeDefaults(LinkSettings.defaultValues());
            settings.writeDefaults(CollusionSettings.defaultValues());
            defaultsWritten = true;
        }
        return settings;
    }

    Clock clock() {
        return clock;
    }

    void roundJudged() {
        roundsJudged.increment();
    }

    void linkRecorded() {
        linksRecorded.increment();
    }

    /** Settled rounds judged for collusion on this node. */
    public long roundsJudged() {
        return roundsJudged.sum();
    }

    /** Sessions recorded on a device or address link on this node. */
    public long linksRecorded() {
        return linksRecorded.sum();
    }

    /** Alerts raised (new or repeated) from this node's cross-player checks. */
    public long alertsRaised() {
        return alertsRaised.sum();
    }

    /** Work dropped because the queue was full. */
    public long dropped() {
        return dropped.sum();
    }
}
