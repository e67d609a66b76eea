package io.croupier.audit;

import io.croupier.schema.CacheSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;

/**
 * Checks every wallet against its ledger rows, every transfer for a zero sum, and the whole ledger for a zero sum.
 * Runs as a job on every server node over the partitions that node owns (no data crosses the network); the
 * caller merges the reports.
 *
 * <p>The audit runs while players play. A first pass reads without locks; any wallet or transfer that looks wrong
 * is checked again with the player's wallet locked: every money transaction locks the wallet, so under that lock the
 * wallet and its ledger rows are a consistent pair. Only differences that survive the second look are reported.
 */
public final class LedgerAudit {
    private LedgerAudit() {
    }

    /** Audits the whole cluster from any node (client or server). */
    public static AuditReport run(Ignite ignite) {
        Collection<AuditReport> perNode = ignite.compute(ignite.cluster().forServers()).broadcast(new NodeAudit());
        return AuditReport.merge(new ArrayList<>(perNode));
    }

    static final class NodeAudit implements IgniteCallable<AuditReport> {
        private static final long serialVersionUID = 1L;

        @IgniteInstanceResource
        private transient Ignite ignite;

        @Override
        public AuditReport call() {
            AuditReport report = new AuditReport();
            ClusterNode local = ignite.cluster().localNode();
            for (int partition : ignite.affinity(CacheSchema.WALLET).primaryPartitions(local)) {
                auditPartition(partition, report);
            }
            return report;
        }

        private void auditPartition(int partition, AuditReport report) {
            IgniteCache<Long, BinaryObject> wallets = ignite.cache(CacheSchema.WALLET).withKeepBinary();
            Map<Long, Long> balances = new HashMap<>();
            try (QueryCursor<Cache.Entry<Long, BinaryObject>> cursor =
                         wallets.query(new ScanQuery<Long, BinaryObject>(partition).setLocal(true))) {
                for (Cache.Entry<Long, BinaryObject> e : cursor) {
                    balances.put(e.getKey(), e.getValue().<Long>field("balance"));
                }
            }
            Map<Long, PlayerRows> rows = readRows(partition, null);
            long rowCount = rows.values().stream().mapToLong(r -> r.rows).sum();
            report.addPartition(balances.size(), rowCount);
            Set<Long> players = new HashSet<>(balances.keySet());
            players.addAll(rows.keySet());
            for (long player : players) {
                PlayerRows first = rows.getOrDefault(player, PlayerRows.EMPTY);
                long balance = balances.getOrDefault(player, 0L);
                if (balance == first.walletSum && first.unbalancedTransfers().isEmpty()) {
                    record(balance, first, report);
                } else {
                    recheckUnderLock(partition, player, report);
                }
            }
        }

        /** Adds one player's consistent view to the report: balance, per-account totals, differences. */
        private static void record(long balance, PlayerRows rows, AuditReport report) {
            report.addBalance(balance);
            rows.accountTotals.forEach(report::addAmount);
        }

        /**
         * Second look at one player with the wallet locked, so no money transaction of that player is half-visible.
         * Whatever this look finds replaces the first pass for that player, totals included.
         */
        private void recheckUnderLock(int partition, long playerId, AuditReport report) {
            IgniteCache<Long, BinaryObject> wallets = ignite.cache(CacheSchema.WALLET).withKeepBinary();
            try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                    TransactionIsolation.REPEATABLE_READ)) {
                BinaryObject wallet = wallets.get(playerId);
                long balance = wallet == null ? 0 : wallet.<Long>field("balance");
                PlayerRows locked = readRows(partition, playerId).getOrDefault(playerId, PlayerRows.EMPTY);
                record(balance, locked, report);
                if (balance != locked.walletSum) {
                    report.addMismatch(new AuditReport.WalletMismatch(playerId, balance, locked.walletSum));
                }
                locked.unbalancedTransfers().forEach(report::addUnbalancedTransfer);
                tx.rollback();
            }
        }

        /** The ledger rows of a partition (or of one player in it), tallied per player. */
        private Map<Long, PlayerRows> readRows(int partition, Long onlyPlayer) {
            IgniteCache<BinaryObject, BinaryObject> ledger = ignite.cache(CacheSchema.LEDGER).withKeepBinary();
            ScanQuery<BinaryObject, BinaryObject> scan = onlyPlayer == null ? new ScanQuery<>(partition)
                    : new ScanQuery<>(partition, (k, v) -> k.<Long>field("playerId") == onlyPlayer.longValue());
            Map<Long, PlayerRows> byPlayer = new HashMap<>();
            try (QueryCursor<Cache.Entry<BinaryObject, BinaryObject>> cursor = ledger.query(scan.setLocal(true))) {
                for (Cache.Entry<BinaryObject, BinaryObject> e : cursor) {
                    long playerId = e.getKey().<Long>field("playerId");
                    byPlayer.computeIfAbsent(playerId, p -> new PlayerRows()).add(e.getKey().field("transferId"),
                            e.getValue().field("account"), e.getValue().<Long>field("amount"));
                }
            }
            return byPlayer;
        }
    }

    /** One player's ledger rows as seen by one read: wallet sum, per-account totals, per-transfer sums. */
    private static final class PlayerRows {
        static final PlayerRows EMPTY = new PlayerRows();

        long rows;
        long walletSum;
        final Map<String, Long> accountTotals = new HashMap<>();
        final Map<UUID, Long> transferSums = new HashMap<>();

        void add(UUID transferId, String account, long amount) {
            rows++;
            accountTotals.merge(account, amount, Math::addExact);
            transferSums.merge(transferId, amount, Math::addExact);
            if ("WALLET".equals(account)) {
                walletSum = Math.addExact(walletSum, amount);
            }
        }

        java.util.List<UUID> unbalancedTransfers() {
            return transferSums.entrySet().stream().filter(e -> e.getValue() != 0).map(Map.Entry::getKey).toList();
        }
    }
}
