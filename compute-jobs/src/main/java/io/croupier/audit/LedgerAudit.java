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
            IgniteCache<BinaryObject, BinaryObject> ledger = ignite.cache(CacheSchema.LEDGER).withKeepBinary();
            Map<Long, Long> balances = new HashMap<>();
            try (QueryCursor<Cache.Entry<Long, BinaryObject>> cursor =
                         wallets.query(new ScanQuery<Long, BinaryObject>(partition).setLocal(true))) {
                for (Cache.Entry<Long, BinaryObject> e : cursor) {
                    long balance = e.getValue().<Long>field("balance");
                    balances.put(e.getKey(), balance);
                    report.addBalance(balance);
                }
            }
            Map<Long, Long> walletSums = new HashMap<>();
            Map<UUID, Long> transferSums = new HashMap<>();
            Map<UUID, Long> transferPlayers = new HashMap<>();
            long rows = 0;
            try (QueryCursor<Cache.Entry<BinaryObject, BinaryObject>> cursor =
                         ledger.query(new ScanQuery<BinaryObject, BinaryObject>(partition).setLocal(true))) {
                for (Cache.Entry<BinaryObject, BinaryObject> e : cursor) {
                    rows++;
                    long playerId = e.getKey().<Long>field("playerId");
                    UUID transferId = e.getKey().field("transferId");
                    String account = e.getValue().field("account");
                    long amount = e.getValue().<Long>field("amount");
                    report.addAmount(account, amount);
                    transferSums.merge(transferId, amount, Math::addExact);
                    transferPlayers.put(transferId, playerId);
                    if ("WALLET".equals(account)) {
                        walletSums.merge(playerId, amount, Math::addExact);
                    }
                }
            }
            report.addPartition(balances.size(), rows);
            Set<Long> suspects = new HashSet<>();
            balances.forEach((player, balance) -> {
                if (balance.longValue() != walletSums.getOrDefault(player, 0L)) {
                    suspects.add(player);
                }
            });
            walletSums.keySet().stream().filter(p -> !balances.containsKey(p)).forEach(suspects::add);
            Set<UUID> suspectTransfers = new HashSet<>();
            transferSums.forEach((transfer, sum) -> {
                if (sum != 0) {
                    suspectTransfers.add(transfer);
                    suspects.add(transferPlayers.get(transfer));
                }
            });
            for (long player : suspects) {
                recheckUnderLock(partition, player, suspectTransfers, report);
            }
        }

        /** Second look at one player with the wallet locked, so no money transaction of that player is half-visible. */
        private void recheckUnderLock(int partition, long playerId, Set<UUID> suspectTransfers, AuditReport report) {
            IgniteCache<Long, BinaryObject> wallets = ignite.cache(CacheSchema.WALLET).withKeepBinary();
            IgniteCache<BinaryObject, BinaryObject> ledger = ignite.cache(CacheSchema.LEDGER).withKeepBinary();
            try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                    TransactionIsolation.REPEATABLE_READ)) {
                BinaryObject wallet = wallets.get(playerId);
                long balance = wallet == null ? 0 : wallet.<Long>field("balance");
                long walletSum = 0;
                Map<UUID, Long> transferSums = new HashMap<>();
                try (QueryCursor<Cache.Entry<BinaryObject, BinaryObject>> cursor = ledger.query(
                        new ScanQuery<BinaryObject, BinaryObject>(partition,
                                (k, v) -> k.<Long>field("playerId") == playerId).setLocal(true))) {
                    for (Cache.Entry<BinaryObject, BinaryObject> e : cursor) {
                        long amount = e.getValue().<Long>field("amount");
                        transferSums.merge(e.getKey().field("transferId"), amount, Math::addExact);
                        if ("WALLET".equals(e.getValue().field("account"))) {
                            walletSum = Math.addExact(walletSum, amount);
                        }
                    }
                }
                if (balance != walletSum) {
                    report.addMismatch(new AuditReport.WalletMismatch(playerId, balance, walletSum));
                }
                transferSums.forEach((transfer, sum) -> {
                    if (sum != 0 && suspectTransfers.contains(transfer)) {
                        report.addUnbalancedTransfer(transfer);
                    }
                });
                tx.rollback();
            }
        }
    }
}
