package io.croupier.audit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What a ledger audit found. Mergeable: each node audits its primary partitions and the reports are summed. */
public final class AuditReport implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Differences listed in full up to this many; beyond it only counted. */
    static final int LISTED_MAX = 100;

    private int nodes;
    private int partitions;
    private long wallets;
    private long ledgerRows;
    private long ledgerSum;
    private long walletTotal;
    private final TreeMap<String, Long> accountTotals = new TreeMap<>();
    private long walletMismatchCount;
    private long unbalancedTransferCount;
    private long negativeBalanceCount;
    private final ArrayList<WalletMismatch> walletMismatches = new ArrayList<>();
    private final ArrayList<UUID> unbalancedTransfers = new ArrayList<>();

    /**
     * A wallet whose balance differs from the sum of its WALLET ledger rows. A plain class: it travels from the nodes
     * to the caller, and Ignite 2.17 cannot marshal records.
     */
    public static final class WalletMismatch implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long playerId;
        private final long balance;
        private final long ledgerSum;

        public WalletMismatch(long playerId, long balance, long ledgerSum) {
            this.playerId = playerId;
            this.balance = balance;
            this.ledgerSum = ledgerSum;
        }

        public long playerId() {
            return playerId;
        }

        public long balance() {
            return balance;
        }

        public long ledgerSum() {
            return ledgerSum;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WalletMismatch m && m.playerId == playerId && m.balance == balance
                    && m.ledgerSum == ledgerSum;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(playerId, balance, ledgerSum);
        }

        @Override
        public String toString() {
            return "player " + playerId + " balance " + balance + " ledger " + ledgerSum;
        }
    }

    void addPartition(long walletsInPartition, long rows) {
        partitions++;
        wallets += walletsInPartition;
        ledgerRows += rows;
    }

    void addAmount(String account, long amount) {
        ledgerSum = Math.addExact(ledgerSum, amount);
        accountTotals.merge(account, amount, Math::addExact);
    }

    void addBalance(long balance) {
        walletTotal = Math.addExact(walletTotal, balance);
        if (balance < 0) {
            negativeBalanceCount++;
        }
    }

    void addMismatch(WalletMismatch m) {
        walletMismatchCount++;
        if (walletMismatches.size() < LISTED_MAX) {
            walletMismatches.add(m);
        }
    }

    void addUnbalancedTransfer(UUID transferId) {
        unbalancedTransferCount++;
        if (unbalancedTransfers.size() < LISTED_MAX) {
            unbalancedTransfers.add(transferId);
        }
    }

    static AuditReport merge(List<AuditReport> reports) {
        AuditReport total = new AuditReport();
        for (AuditReport r : reports) {
            total.nodes += Math.max(1, r.nodes);
            total.partitions += r.partitions;
            total.wallets += r.wallets;
            total.ledgerRows += r.ledgerRows;
            total.ledgerSum = Math.addExact(total.ledgerSum, r.ledgerSum);
            total.walletTotal = Math.addExact(total.walletTotal, r.walletTotal);
            r.accountTotals.forEach((k, v) -> total.accountTotals.merge(k, v, Math::addExact));
            total.negativeBalanceCount += r.negativeBalanceCount;
            r.walletMismatches.forEach(total::addMismatch);
            total.walletMismatchCount += r.walletMismatchCount - r.walletMismatches.size();
            r.unbalancedTransfers.forEach(total::addUnbalancedTransfer);
            total.unbalancedTransferCount += r.unbalancedTransferCount - r.unbalancedTransfers.size();
        }
        return total;
    }

    /** True when every wallet equals its ledger, every transfer sums to zero, the ledger sums to zero, and no balance is negative. */
    public boolean isClean() {
        return ledgerSum == 0 && walletMismatchCount == 0 && unbalancedTransferCount == 0 && negativeBalanceCount == 0;
    }

    public int nodes() {
        return nodes;
    }

    public int partitions() {
        return partitions;
    }

    public long wallets() {
        return wallets;
    }

    public long ledgerRows() {
        return ledgerRows;
    }

    public long ledgerSum() {
        return ledgerSum;
    }

    public long walletTotal() {
        return walletTotal;
    }

    public Map<String, Long> accountTotals() {
        return accountTotals;
    }

    public long walletMismatchCount() {
        return walletMismatchCount;
    }

    public long unbalancedTransferCount() {
        return unbalancedTransferCount;
    }

    public long negativeBalanceCount() {
        return negativeBalanceCount;
    }

    public List<WalletMismatch> walletMismatches() {
        return walletMismatches;
    }

    public List<UUID> unbalancedTransfers() {
        return unbalancedTransfers;
    }

    /** Human-readable summary, one fact per line. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(isClean() ? "AUDIT OK" : "AUDIT FAILED").append('\n');
        sb.append(String.format("  nodes %d, partitions %d, wallets %d, ledger rows %d%n", nodes, partitions, wallets,
                ledgerRows));
        sb.append(String.format("  ledger sum %d (must be 0)%n", ledgerSum));
        sb.append(String.format("  wallets total %d%n", walletTotal));
        accountTotals.forEach((account, sum) -> sb.append(String.format("  account %-14s %d%n", account, sum)));
        sb.append(String.format("  wallets differing from their ledger: %d%n", walletMismatchCount));
        walletMismatches.forEach(m -> sb.append(String.format("    player %d balance %d ledger %d%n", m.playerId(),
                m.balance(), m.ledgerSum())));
        sb.append(String.format("  transfers not summing to zero: %d%n", unbalancedTransferCount));
        unbalancedTransfers.forEach(t -> sb.append("    transfer ").append(t).append('\n'));
        sb.append(String.format("  negative balances: %d%n", negativeBalanceCount));
        return sb.toString();
    }
}
