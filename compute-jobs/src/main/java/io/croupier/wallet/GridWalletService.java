package io.croupier.wallet;

import io.croupier.schema.CacheSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteCompute;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link WalletService} on the grid. Runs on the caller's node (client or server) and routes each operation to the
 * primary node of the player's partition. Operations for one node travel together: while a node has
 * {@code inFlightBatchesMax} batches unanswered, new operations queue and leave as the next batch. On the node,
 * {@link GroupCommitter} commits them in groups. A re-routed or lost batch is re-sent with the same idempotency
 * keys, so a retry can never apply an operation twice.
 */
public final class GridWalletService implements WalletService, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GridWalletService.class);

    private final Ignite ignite;
    private final PipelineSettings settings;
    private final Affinity<Long> affinity;
    private final IgniteCache<Long, Wallet> wallets;
    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
    /** Completes callers' futures off Ignite's own threads, so callers' continuations never block the grid. */
    private final ExecutorService replies;
    private final ScheduledExecutorService retries;

    public GridWalletService(Ignite ignite, PipelineSettings settings) {
        this.ignite = ignite;
        this.settings = settings;
        this.affinity = ignite.affinity(CacheSchema.WALLET);
        this.wallets = ignite.cache(CacheSchema.WALLET);
        this.replies = Executors.newSingleThreadExecutor(daemon("croupier-wallet-replies"));
        this.retries = Executors.newSingleThreadScheduledExecutor(daemon("croupier-wallet-retries"));
    }

    @Override
    public CompletableFuture<MoneyResult> submit(MoneyRequest request) {
        ResultCode invalid = RequestValidation.check(request, settings.limits());
        if (invalid != null) {
            return CompletableFuture.completedFuture(MoneyResult.rejected(invalid));
        }
        Pending p = new Pending(request, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.requestTimeoutMs()));
        route(p);
        return p.result;
    }

    @Override
    public Optional<Wallet> wallet(long playerId) {
        return Optional.ofNullable(wallets.get(playerId));
    }

    @Override
    public void close() {
        retries.shutdownNow();
        replies.shutdown();
    }

    private void route(Pending p) {
        ClusterNode primary;
        try {
            primary = affinity.mapKeyToNode(p.request.playerId());
        } catch (RuntimeException e) {
            primary = null;
        }
        if (primary == null) {
            retryLater(p);
            return;
        }
        Lane lane = lanes.computeIfAbsent(primary.id(), id -> new Lane(id));
        if (lane.pending.incrementAndGet() > settings.pendingOperationsMax()) {
            lane.pending.decrementAndGet();
            p.result.complete(MoneyResult.rejected(ResultCode.OVERLOADED));
            return;
        }
        lane.queue.add(p);
        lane.drain();
    }

    private void retryLater(Pending p) {
        p.attempts++;
        if (System.nanoTime() - p.deadlineNanos > 0 || retries.isShutdown()) {
            p.result.complete(MoneyResult.rejected(ResultCode.UNAVAILABLE));
            return;
        }
        long backoffMs = Math.min(settings.retryBackoffMaxMs(), 1L << Math.min(p.attempts, 10));
        try {
            retries.schedule(() -> route(p), backoffMs, TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            p.result.complete(MoneyResult.rejected(ResultCode.UNAVAILABLE));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static final class Pending {
        final MoneyRequest request;
        final long deadlineNanos;
        final CompletableFuture<MoneyResult> result = new CompletableFuture<>();
        int attempts;

        Pending(MoneyRequest request, long deadlineNanos) {
            this.request = request;
            this.deadlineNanos = deadlineNanos;
        }
    }

    /** The operations bound for one node. */
    private final class Lane {
        final UUID nodeId;
        final IgniteCompute compute;
        final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
        final AtomicInteger pending = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();

        /** The node is this one (an embedded server node): batches go straight to its commit lanes, not by a job. */
        final boolean local;

        Lane(UUID nodeId) {
            this.nodeId = nodeId;
            this.compute = ignite.compute(ignite.cluster().forNodeId(nodeId));
            ClusterNode self = ignite.cluster().localNode();
            this.local = !self.isClient() && self.id().equals(nodeId);
        }

        void drain() {
            while (!queue.isEmpty()) {
                int current = inFlight.get();
                if (current >= settings.inFlightBatchesMax()) {
                    return;
                }
                if (!inFlight.compareAndSet(current, current + 1)) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>();
                Pending p;
                while (batch.size() < settings.batchOperationsMax() && (p = queue.poll()) != null) {
                    batch.add(p);
                }
                pending.addAndGet(-batch.size());
                if (batch.isEmpty()) {
                    inFlight.decrementAndGet();
                    continue;
                }
                send(batch);
            }
        }

        private void send(List<Pending> batch) {
            List<MoneyRequest> requests = new ArrayList<>(batch.size());
            batch.forEach(p -> requests.add(p.request));
            if (local) {
                CompletableFuture<List<MoneyResult>> results;
                try {
                    results = GroupCommitter.of(ignite).applyAsync(requests);
                } catch (RuntimeException e) {
                    onReply(batch, null, e);
                    return;
                }
                results.whenCompleteAsync((r, failure) -> onReply(batch, r, failure), replies);
                return;
            }
            IgniteFuture<List<MoneyResult>> reply;
            try {
                reply = compute.callAsync(new ApplyBatchJob(requests));
            } catch (RuntimeException e) {
                onReply(batch, null, e);
                return;
            }
            reply.listenAsync(f -> {
                List<MoneyResult> results = null;
                Throwable failure = null;
                try {
                    results = f.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
                onReply(batch, results, failure);
            }, replies);
        }

        private void onReply(List<Pending> batch, List<MoneyResult> results, Throwable failure) {
            inFlight.decrementAndGet();
            if (failure != null) {
                if (!Failures.isTransient(failure)) {
                    log.warn("Batch of {} to node {} failed; re-routing", batch.size(), nodeId, failure);
                }
                lanes.remove(nodeId, this);
                batch.forEach(GridWalletService.this::retryLater);
            } else {
                for (int i = 0; i < batch.size(); i++) {
                    MoneyResult r = results.get(i);
                    if (r.code() == ResultCode.RETRY) {
                        retryLater(batch.get(i));
                    } else {
                        batch.get(i).result.complete(r);
                    }
                }
            }
            drain();
        }
    }
}
