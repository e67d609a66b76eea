package io.croupier.wallet;

import javax.cache.CacheException;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.internal.cluster.ClusterTopologyCheckedException;
import org.apache.ignite.internal.processors.cache.CacheInvalidStateException;
import org.apache.ignite.transactions.TransactionDeadlockException;
import org.apache.ignite.transactions.TransactionOptimisticException;
import org.apache.ignite.transactions.TransactionRollbackException;
import org.apache.ignite.transactions.TransactionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sorts the exceptions a money transaction can end with into retry-worthy, lost data and defects. */
final class Failures {
    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /**
     * A node left, the topology moved, the transaction timed out, or an optimistic transaction met a concurrent
     * change: the same request may succeed when retried.
     */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClusterTopologyException || t instanceof ClusterTopologyCheckedException
                    || t instanceof TransactionRollbackException || t instanceof TransactionTimeoutException
                    || t instanceof TransactionDeadlockException || t instanceof TransactionOptimisticException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static boolean isPartitionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CacheInvalidStateException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static MoneyResult resultOf(RuntimeException e, MoneyRequest request) {
        if (isTransient(e)) {
            return MoneyResult.rejected(ResultCode.RETRY);
        }
        if (isPartitionLoss(e)) {
            log.error("Partition of player {} is lost; refusing {} until an administrator resets it",
                    request.playerId(), request, e);
            return MoneyResult.rejected(ResultCode.UNAVAILABLE);
        }
        if (e instanceof CacheException && e.getCause() == null) {
            log.error("Grid refused {}", request, e);
            return MoneyResult.rejected(ResultCode.UNAVAILABLE);
        }
        log.error("Money operation {} failed with a defect; nothing was applied", request, e);
        return MoneyResult.rejected(ResultCode.INTERNAL_ERROR);
    }
}
