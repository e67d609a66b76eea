package io.croupier.wallet;

import io.croupier.schema.CacheSchema;
import io.croupier.slots.SlotCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit on a grid node. Operations for the partitions this node owns are queued on a lane chosen by
 * partition; each lane's thread takes whatever has queued up (up to {@code groupOperationsMax}) and commits it in one
 * transaction. Under light load a group is one operation and nothing waits; under heavy load one commit (and, with
 * backups, one replication round trip) serves many operations.
 *
 * <p>Pipeline of one group: 1. keep operations whose partition is primary here (others: RETRY, the caller
 * re-routes) 2. one transaction for the group 3. if that transaction fails as a whole, each operation alone, so a
 * failing operation never fails its neighbours 4. complete each caller's future 5. hand the applied operations to
 * the node's {@link CommitListener} (the fraud detector), which must not block the lane.
 */
public final class GroupCommitter {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    private static final String NODE_LOCAL_KEY = GroupCommitter.class.getName();
    private static final String CONFIG_KEY = GroupCommitter.class.getName() + ".config";

    private final Ignite ignite;
    private final CommitSettings settings;
    private final MoneyTransactions transactions;
    private final Affinity<Long> affinity;
    private final Lane[] lanes;
    private final CommitListener listener;
    private final java.util.concurrent.atomic.LongAdder groups = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder operations = new java.util.concurrent.atomic.LongAdder();

    /** The money transaction code of this node, for jobs that compose money with game state in one transaction. */
    public MoneyTransactions transactions() {
        return transactions;
    }

    /** Groups committed and operations in them since start: their ratio is the mean group size. */
    public long[] committedGroupsAndOperations() {
        return new long[] {groups.sum(), operations.sum()};
    }

    private GroupCommitter(Ignite ignite, CommitSettings settings, PlayPolicy policy, SlotCatalog slots, Clock clock,
                           CommitListener listener) {
        this.ignite = ignite;
        this.settings = settings;
        this.listener = listener;
        this.transactions = new MoneyTransactions(ignite, settings.limits(), policy, slots, clock,
                settings.txTimeoutMs());
        this.affinity = ignite.affinity(CacheSchema.WALLET);
        this.lanes = new Lane[settings.stripes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(i);
        }
    }

    /**
     * Sets how this node's committer will be built (grid-node does it at start-up). The committer itself is built on
     * first use, because a persistent cluster's caches are not reachable before activation.
     */
    public static void configure(Ignite ignite, CommitSettings settings, PlayPolicy policy, SlotCatalog slots,
                                 Clock clock) {
        configure(ignite, settings, policy, slots, clock, CommitListener.NONE);
    }

    /** As above, with a listener that hears each group's applied operations after its commit (the fraud detector). */
    public static void configure(Ignite ignite, CommitSettings settings, PlayPolicy policy, SlotCatalog slots,
                                 Clock clock, CommitListener listener) {
        ignite.cluster().nodeLocalMap().put(CONFIG_KEY, new Config(settings, policy, slots, clock, listener));
    }

    /** This node's committer; built on first use from {@link #configure} (defaults if the node was not configured). */
    public static GroupCommitter of(Ignite ignite) {
        ConcurrentMap<String, Object> local = ignite.cluster().nodeLocalMap();
        Object existing = local.get(NODE_LOCAL_KEY);
        if (existing != null) {
            return (GroupCommitter) existing;
        }
        synchronized (local) {
            existing = local.get(NODE_LOCAL_KEY);
            if (existing == null) {
                Config c = (Config) local.getOrDefault(CONFIG_KEY,
                        new Config(CommitSettings.defaults(), PlayPolicy.ALLOW_ALL, SlotCatalog.EMPTY,
                                Clock.systemUTC(), CommitListener.NONE));
                existing = new GroupCommitter(ignite, c.settings, c.policy, c.slots, c.clock, c.listener).start();
                local.put(NODE_LOCAL_KEY, existing);
            }
            return (GroupCommitter) existing;
        }
    }

    private record Config(CommitSettings settings, PlayPolicy policy, SlotCatalog slots, Clock clock,
                          CommitListener listener) {
    }

    private GroupCommitter start() {
        for (Lane lane : lanes) {
            Thread t = new Thread(lane, "croupier-commit-" + ignite.name() + "-" + lane.index);
            t.setDaemon(true);
            t.start();
        }
        return this;
    }

    /** Queues the requests and waits for their results (a batch job calls this on the node it was sent to). */
    List<MoneyResult> applyAndWait(List<MoneyRequest> requests) {
        List<CompletableFuture<MoneyResult>> futures = submitAll(requests);
        try {
            return whenAnswered(futures).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return collect(futures);
        } catch (ExecutionException e) {
            return collect(futures); // whenAnswered never fails; each future's own outcome is in its result
        }
    }

    /**
     * Queues the requests and completes with their results, in order, without a thread waiting for them: the caller
     * is on this node (an app server with an embedded node), so no job carries the batch.
     */
    CompletableFuture<List<MoneyResult>> applyAsync(List<MoneyRequest> requests) {
        return whenAnswered(submitAll(requests));
    }

    private List<CompletableFuture<MoneyResult>> submitAll(List<MoneyRequest> requests) {
        List<CompletableFuture<MoneyResult>> futures = new ArrayList<>(requests.size());
        for (MoneyRequest r : requests) {
            futures.add(submit(r));
        }
        return futures;
    }

    /** The results once every operation has answered or the wait timeout has passed, whichever comes first. */
    private CompletableFuture<List<MoneyResult>> whenAnswered(List<CompletableFuture<MoneyResult>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, settings.waitTimeoutMs(), TimeUnit.MILLISECONDS)
                .handle((done, failure) -> collect(futures));
    }

    private static List<MoneyResult> collect(List<CompletableFuture<MoneyResult>> futures) {
        List<MoneyResult> results = new ArrayList<>(futures.size());
        for (CompletableFuture<MoneyResult> f : futures) {
            results.add(resultOf(f));
        }
        return results;
    }

    private static MoneyResult resultOf(CompletableFuture<MoneyResult> f) {
        if (!f.isDone()) {
            // Still queued or committing: the outcome is unknown to the caller, who retries with the same key.
            return MoneyResult.rejected(ResultCode.UNAVAILABLE);
        }
        try {
            return f.join();
        } catch (RuntimeException e) {
            log.error("Money operation failed unexpectedly", e);
            return MoneyResult.rejected(ResultCode.INTERNAL_ERROR);
        }
    }

    CompletableFuture<MoneyResult> submit(MoneyRequest request) {
        CompletableFuture<MoneyResult> result = new CompletableFuture<>();
        int partition = affinity.partition(request.playerId());
        if (!lanes[partition % lanes.length].queue.offer(new Pending(request, result))) {
            result.complete(MoneyResult.rejected(ResultCode.OVERLOADED));
        }
        return result;
    }

    private record Pending(MoneyRequest request, CompletableFuture<MoneyResult> result) {
    }

    private final class Lane implements Runnable {
        final int index;
        final ArrayBlockingQueue<Pending> queue = new ArrayBlockingQueue<>(settings.queueOperationsMax());

        Lane(int index) {
            this.index = index;
        }

        @Override
        public void run() {
            List<Pending> group = new ArrayList<>(settings.groupOperationsMax());
            while (Ignition.state(ignite.name()) == IgniteState.STARTED || !queue.isEmpty()) {
                try {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    group.add(first);
                    queue.drainTo(group, settings.groupOperationsMax() - 1);
                    commit(group);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException | Error e) {
                    log.error("Commit lane {} failed a group of {}", index, group.size(), e);
                    group.forEach(p -> p.result.complete(MoneyResult.rejected(ResultCode.INTERNAL_ERROR)));
                } finally {
                    group.clear();
                }
            }
            failQueued();
        }

        private void failQueued() {
            Pending p;
            while ((p = queue.poll()) != null) {
                p.result.complete(MoneyResult.rejected(ResultCode.RETRY));
            }
        }

        private void commit(List<Pending> group) {
            ClusterNode local = ignite.cluster().localNode();
            List<Pending> mine = new ArrayList<>(group.size());
            for (Pending p : group) {
                if (affinity.isPrimary(local, p.request.playerId())) {
                    mine.add(p);
                } else {
                    p.result.complete(MoneyResult.rejected(ResultCode.RETRY));
                }
            }
            if (mine.isEmpty()) {
                return;
            }
            List<MoneyRequest> requests = new ArrayList<>(mine.size());
            mine.forEach(p -> requests.add(p.request));
            MoneyResult[] results;
            try {
                results = transactions.applyInOneTransaction(requests);
            } catch (RuntimeException groupFailure) {
                if (Failures.isTransient(groupFailure)) {
                    // Topology change, timeout or a concurrent change: the caller re-routes and retries the same keys.
                    results = new MoneyResult[requests.size()];
                    Arrays.fill(results, MoneyResult.rejected(ResultCode.RETRY));
                } else if (requests.size() == 1) {
                    results = new MoneyResult[] {Failures.resultOf(groupFailure, requests.get(0))};
                } else {
                    log.warn("Group of {} failed; applying its operations one by one", requests.size(), groupFailure);
                    results = applyOneByOne(requests);
                }
            }
            groups.increment();
            operations.add(results.length);
            for (int i = 0; i < results.length; i++) {
                mine.get(i).result.complete(results[i]);
            }
            tellListener(requests, results);
        }

        /** 5. after the commit and the answers: the applied, first-time operations go to the listener. */
        private void tellListener(List<MoneyRequest> requests, MoneyResult[] results) {
            if (listener == CommitListener.NONE) {
                return;
            }
            List<MoneyRequest> applied = new ArrayList<>(requests.size());
            for (int i = 0; i < results.length; i++) {
                if (results[i].isOk() && !results[i].replayed()) {
                    applied.add(requests.get(i));
                }
            }
            if (applied.isEmpty()) {
                return;
            }
            try {
                listener.committed(applied);
            } catch (RuntimeException e) {
                log.error("Commit listener failed on a group of {}", applied.size(), e);
            }
        }

        /** Isolates a failing operation: each runs alone, so only the one that fails answers with an error. */
        private MoneyResult[] applyOneByOne(List<MoneyRequest> requests) {
            MoneyResult[] results = new MoneyResult[requests.size()];
            for (int i = 0; i < results.length; i++) {
                try {
                    results[i] = transactions.applyInOneTransaction(List.of(requests.get(i)))[0];
                } catch (RuntimeException e) {
                    results[i] = Failures.resultOf(e, requests.get(i));
                }
            }
            return results;
        }
    }
}
