package io.croupier.wallet;

import io.croupier.check.Check;

/**
 * How a caller's node (app server, game engine, benchmark) ships money operations to the grid.
 *
 * @param batchOperationsMax    most operations in one message to a node
 * @param inFlightBatchesMax    batches sent to one node and not yet answered; further operations wait and join the
 *                              next batch (natural batching: no timer, no added latency when idle)
 * @param pendingOperationsMax  operations queued per node before new ones are refused with OVERLOADED
 * @param requestTimeoutMs      after this an operation completes UNAVAILABLE (outcome unknown; retry with the same key)
 * @param retryBackoffMaxMs     longest pause between re-routing attempts while the topology changes
 * @param limits                validated before anything leaves the caller
 */
public record PipelineSettings(int batchOperationsMax, int inFlightBatchesMax, int pendingOperationsMax,
                               long requestTimeoutMs, long retryBackoffMaxMs, MoneyLimits limits) {
    public static PipelineSettings defaults() {
        return new PipelineSettings(256, 4, 50_000, 30_000, 200, MoneyLimits.DEFAULT);
    }

    public PipelineSettings {
        Check.argument(batchOperationsMax >= 1 && batchOperationsMax <= 10_000, "batchOperationsMax must be in 1..10000");
        Check.argument(inFlightBatchesMax >= 1 && inFlightBatchesMax <= 64, "inFlightBatchesMax must be in 1..64");
        Check.argument(pendingOperationsMax >= batchOperationsMax, "pendingOperationsMax must be >= batchOperationsMax");
        Check.argument(requestTimeoutMs >= 100, "requestTimeoutMs must be >= 100");
        Check.argument(retryBackoffMaxMs >= 1 && retryBackoffMaxMs < requestTimeoutMs,
                "retryBackoffMaxMs must be in 1..requestTimeoutMs");
        Check.argument(limits != null, "limits required");
    }
}
