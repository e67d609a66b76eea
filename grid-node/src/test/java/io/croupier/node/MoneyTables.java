package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.audit.AuditReport;
import io.croupier.audit.LedgerAudit;
import io.croupier.player.Players;
import io.croupier.wallet.LedgerKey;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.TransferKey;
import io.croupier.wallet.WalletService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;

/**
 * Everything the money tables hold, read with SQL (CROUPIER.PLAYER, WALLET, LEDGER, TRANSFER), and the money
 * invariants checked on it. Independent of {@link LedgerAudit}: the tests check both. Read it when no load runs.
 */
final class MoneyTables {
    /** Opens a EUR player and deposits {@code amountMinor} under the key "dep". */
    static long fundedPlayer(Players players, WalletService wallet, String name, long amountMinor) {
        long player = players.open(name, "EUR");
        assertThat(wallet.execute(MoneyRequest.deposit(player, "dep", "EUR", amountMinor, "tok_" + name)).isOk())
                .isTrue();
        return player;
    }

    record WalletRow(long playerId, String currency, long balance) {
    }

    record LedgerRow(UUID transferId, int posting, long playerId, String account, long amount, String currency,
                     String kind) {
    }

    record TransferRow(long playerId, String idempotencyKey, UUID transferId, String kind, long amount,
                       long winAmount, String currency, String reference, long balanceAfter, String voidedBy) {
    }

    record Key(long playerId, String idempotencyKey) {
    }

    private final Ignite ignite;
    final Set<Long> players;
    final Map<Long, WalletRow> wallets;
    final List<LedgerRow> ledger;
    final Map<Key, TransferRow> transfers;
    private final Map<UUID, List<LedgerRow>> rowsByTransfer;

    private MoneyTables(Ignite ignite, Set<Long> players, Map<Long, WalletRow> wallets, List<LedgerRow> ledger,
                        Map<Key, TransferRow> transfers) {
        this.ignite = ignite;
        this.players = players;
        this.wallets = wallets;
        this.ledger = ledger;
        this.transfers = transfers;
        this.rowsByTransfer = ledger.stream().collect(Collectors.groupingBy(LedgerRow::transferId));
    }

    static MoneyTables read(Ignite ignite) {
        Set<Long> players = new HashSet<>();
        for (List<?> r : sql(ignite, "SELECT PLAYER_ID FROM CROUPIER.PLAYER")) {
            players.add(((Number) r.get(0)).longValue());
        }
        Map<Long, WalletRow> wallets = new HashMap<>();
        for (List<?> r : sql(ignite, "SELECT PLAYER_ID, CURRENCY, BALANCE FROM CROUPIER.WALLET")) {
            WalletRow w = new WalletRow(((Number) r.get(0)).longValue(), (String) r.get(1),
                    ((Number) r.get(2)).longValue());
            wallets.put(w.playerId(), w);
        }
        List<LedgerRow> ledger = new ArrayList<>();
        for (List<?> r : sql(ignite,
                "SELECT TRANSFER_ID, POSTING, PLAYER_ID, ACCOUNT, AMOUNT, CURRENCY, KIND FROM CROUPIER.LEDGER")) {
            ledger.add(new LedgerRow((UUID) r.get(0), ((Number) r.get(1)).intValue(), ((Number) r.get(2)).longValue(),
                    (String) r.get(3), ((Number) r.get(4)).longValue(), (String) r.get(5), (String) r.get(6)));
        }
        Map<Key, TransferRow> transfers = new HashMap<>();
        for (List<?> r : sql(ignite, "SELECT PLAYER_ID, IDEMPOTENCY_KEY, TRANSFER_ID, KIND, AMOUNT, WIN_AMOUNT, "
                + "CURRENCY, REFERENCE, BALANCE_AFTER, VOIDED_BY FROM CROUPIER.TRANSFER")) {
            TransferRow t = new TransferRow(((Number) r.get(0)).longValue(), (String) r.get(1), (UUID) r.get(2),
                    (String) r.get(3), ((Number) r.get(4)).longValue(), ((Number) r.get(5)).longValue(),
                    (String) r.get(6), (String) r.get(7), ((Number) r.get(8)).longValue(), (String) r.get(9));
            transfers.put(new Key(t.playerId(), t.idempotencyKey()), t);
        }
        return new MoneyTables(ignite, players, wallets, ledger, transfers);
    }

    static List<List<?>> sql(Ignite ignite, String sql, Object... args) {
        return ignite.cache("wallet").query(new SqlFieldsQuery(sql).setArgs(args)).getAll();
    }

    static long sqlLong(Ignite ignite, String sql, Object... args) {
        Object v = sql(ignite, sql, args).get(0).get(0);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** What a (non-void) request does to the wallet balance when it applies. */
    static long walletEffect(MoneyRequest r) {
        return switch (r.kind()) {
            case DEPOSIT, WIN, ADJUST_CREDIT -> r.amount();
            case WITHDRAW, BET, ADJUST_DEBIT -> -r.amount();
            case BET_AND_WIN -> r.winAmount() - r.amount();
            case VOID -> throw new IllegalArgumentException("a void moves the amount of its bet");
            case SPIN -> throw new IllegalArgumentException("a spin's win is drawn in its transaction");
        };
    }

    /** What a recorded transfer did to the wallet balance. */
    static long walletEffect(TransferRow t) {
        return switch (t.kind()) {
            case "DEPOSIT", "WIN", "VOID", "ADJUST_CREDIT" -> t.amount();
            case "WITHDRAW", "BET", "ADJUST_DEBIT" -> -t.amount();
            case "BET_AND_WIN", "SPIN" -> t.winAmount() - t.amount();
            default -> throw new IllegalArgumentException("unknown kind " + t.kind());
        };
    }

    /** Ledger rows a transfer posts: two per leg (wallet and house side); a round with a win has two legs. */
    static int ledgerRowsOf(TransferRow t) {
        return (t.kind().equals("BET_AND_WIN") || t.kind().equals("SPIN")) && t.winAmount() > 0 ? 4 : 2;
    }

    private int walletPartition(long playerId) {
        return ignite.affinity("wallet").partition(playerId);
    }

    long balance(long playerId) {
        return Objects.requireNonNull(wallets.get(playerId), "no wallet for " + playerId).balance();
    }

    TransferRow transfer(long playerId, String idempotencyKey) {
        return transfers.get(new Key(playerId, idempotencyKey));
    }

    List<LedgerRow> rowsOf(UUID transferId) {
        return rowsByTransfer.getOrDefault(transferId, List.of());
    }

    long ledgerSum() {
        return ledger.stream().mapToLong(LedgerRow::amount).reduce(0, Math::addExact);
    }

    long transferCount(Set<Long> ofPlayers) {
        return transfers.values().stream().filter(t -> ofPlayers.contains(t.playerId())).count();
    }

    /**
     * Σ LEDGER = 0; every wallet equals Σ of its WALLET rows; no negative balance; every transfer record has exactly
     * the balanced rows its kind posts, moving the wallet by what its kind says, and every ledger row belongs to a
     * recorded transfer (so each idempotency key moved money once); voids and the bets they refund point at each
     * other; a player's rows share the wallet's partition; the audit agrees.
     */
    void assertInvariants() {
        List<String> violations = new ArrayList<>();
        if (ledgerSum() != 0) {
            violations.add("Σ LEDGER.AMOUNT = " + ledgerSum());
        }
        long sqlSum = sqlLong(ignite, "SELECT SUM(AMOUNT) FROM CROUPIER.LEDGER");
        if (sqlSum != 0) {
            violations.add("SELECT SUM(AMOUNT) FROM CROUPIER.LEDGER = " + sqlSum);
        }
        Map<Long, Long> walletLegs = new HashMap<>();
        ledger.stream().filter(r -> r.account().equals("WALLET"))
                .forEach(r -> walletLegs.merge(r.playerId(), r.amount(), Math::addExact));
        for (WalletRow w : wallets.values()) {
            long legs = walletLegs.getOrDefault(w.playerId(), 0L);
            if (w.balance() != legs) {
                violations.add("wallet " + w.playerId() + " balance " + w.balance() + " but its ledger says " + legs);
            }
            if (w.balance() < 0) {
                violations.add("wallet " + w.playerId() + " is negative: " + w.balance());
            }
            if (!players.contains(w.playerId())) {
                violations.add("wallet " + w.playerId() + " has no PLAYER row");
            }
        }
        walletLegs.keySet().stream().filter(p -> !wallets.containsKey(p))
                .forEach(p -> violations.add("ledger rows for player " + p + " who has no wallet"));

        Map<UUID, TransferRow> byId = new HashMap<>();
        for (TransferRow t : transfers.values()) {
            if (byId.put(t.transferId(), t) != null) {
                violations.add("transfer id " + t.transferId() + " recorded twice");
            }
            List<LedgerRow> rows = rowsByTransfer.getOrDefault(t.transferId(), List.of());
            if (rows.size() != ledgerRowsOf(t)) {
                violations.add("transfer " + t + " has " + rows.size() + " ledger rows, expected " + ledgerRowsOf(t));
            }
            long sum = 0;
            long walletSide = 0;
            Set<Integer> postings = new HashSet<>();
            for (LedgerRow r : rows) {
                sum += r.amount();
                walletSide += r.account().equals("WALLET") ? r.amount() : 0;
                postings.add(r.posting());
                if (r.playerId() != t.playerId() || !r.currency().equals(t.currency())) {
                    violations.add("ledger row " + r + " does not match its transfer " + t);
                }
            }
            if (sum != 0) {
                violations.add("transfer " + t.transferId() + " sums to " + sum);
            }
            if (walletSide != walletEffect(t)) {
                violations.add("transfer " + t + " moved the wallet by " + walletSide + ", expected " + walletEffect(t));
            }
            if (postings.size() != rows.size()) {
                violations.add("transfer " + t.transferId() + " has duplicate posting numbers: " + rows);
            }
            if (t.kind().equals("VOID")) {
                TransferRow bet = transfer(t.playerId(), t.reference());
                if (bet == null || !bet.kind().equals("BET") || !t.idempotencyKey().equals(bet.voidedBy())
                        || bet.amount() != t.amount()) {
                    violations.add("void " + t + " does not match its bet " + bet);
                }
            }
            if (t.voidedBy() != null) {
                TransferRow voidRow = transfer(t.playerId(), t.voidedBy());
                if (voidRow == null || !voidRow.kind().equals("VOID")
                        || !t.idempotencyKey().equals(voidRow.reference())) {
                    violations.add("bet " + t + " says voided by " + t.voidedBy() + " but that void is " + voidRow);
                }
            }
        }
        rowsByTransfer.keySet().stream().filter(id -> !byId.containsKey(id))
                .forEach(id -> violations.add("ledger rows of transfer " + id + " without a TRANSFER record: "
                        + rowsByTransfer.get(id)));

        // Colocation: a player's ledger rows and idempotency records live in the wallet's partition, so a money
        // transaction stays on one node and a per-partition audit sees a wallet with all its rows.
        long ledgerRowsElsewhere = ledger.stream().filter(r -> ignite.affinity("ledger")
                .partition(new LedgerKey(r.transferId(), r.posting(), r.playerId())) != walletPartition(r.playerId()))
                .count();
        long transfersElsewhere = transfers.values().stream().filter(t -> ignite.affinity("transfer")
                .partition(new TransferKey(t.playerId(), t.idempotencyKey())) != walletPartition(t.playerId()))
                .count();
        if (ledgerRowsElsewhere + transfersElsewhere > 0) {
            violations.add(ledgerRowsElsewhere + " of " + ledger.size() + " ledger rows and " + transfersElsewhere
                    + " of " + transfers.size() + " TRANSFER rows are not in their wallet's partition");
        }

        AuditReport audit = null;
        try {
            audit = LedgerAudit.run(ignite);
            if (!audit.isClean()) {
                violations.add(audit.describe());
            }
        } catch (RuntimeException e) {
            violations.add("LedgerAudit.run failed: " + e);
        }
        assertThat(violations).as("money invariants over %d wallets, %d transfers, %d ledger rows", wallets.size(),
                transfers.size(), ledger.size()).isEmpty();
        assertThat(audit.ledgerRows()).as("ledger rows the audit saw").isEqualTo(ledger.size());
        assertThat(audit.wallets()).as("wallets the audit saw").isEqualTo(wallets.size());
    }
}
