package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.audit.AuditReport;
import io.croupier.audit.LedgerAudit;
import io.croupier.player.Players;
import io.croupier.wallet.Account;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.LedgerEntry;
import io.croupier.wallet.LedgerKey;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.MoneyResult;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.PostingKind;
import io.croupier.wallet.Wallet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger audit on a two-server grid, run from each server and from a client node (as {@code croupier audit}
 * does): clean after normal play, exact about deliberate corruption, and never alarmed by play running beside it.
 */
class LedgerAuditTest {
    private static TestGrid grid;
    private static List<Ignite> servers;
    private static Ignite client;
    private static GridWalletService wallet;
    private static Players players;

    @BeforeAll
    static void startGrid() throws Exception {
        grid = TestGrid.inMemory();
        servers = List.of(grid.startServer(), grid.startServer());
        client = grid.startClient();
        wallet = new GridWalletService(client, PipelineSettings.defaults());
        players = new Players(client, Clock.systemUTC());
    }

    @AfterAll
    static void stopGrid() throws Exception {
        wallet.close();
        grid.close();
    }

    @Test
    void afterNormalPlayTheAuditIsCleanAndItsTotalsAgreeWithSql() {
        for (int i = 0; i < 10; i++) {
            playSomeRounds(players.open("normal-" + i, "EUR"), 20);
        }
        for (Ignite from : auditors()) {
            AuditReport report = LedgerAudit.run(from);
            assertThat(report.isClean()).as("audit from %s:%n%s", from.name(), report.describe()).isTrue();
            assertThat(report.describe()).startsWith("AUDIT OK");
            assertThat(report.nodes()).isEqualTo(2);
            assertThat(report.partitions()).as("every partition audited once, by its primary").isEqualTo(64);
            assertThat(report.wallets()).isEqualTo(sql("SELECT COUNT(*) FROM CROUPIER.WALLET"));
            assertThat(report.ledgerRows()).isEqualTo(sql("SELECT COUNT(*) FROM CROUPIER.LEDGER"));
            assertThat(report.ledgerSum()).isZero();
            assertThat(report.walletTotal()).isEqualTo(sql("SELECT SUM(BALANCE) FROM CROUPIER.WALLET"));
            for (Account account : Account.values()) {
                assertThat(report.accountTotals().getOrDefault(account.name(), 0L)).as("total of %s", account)
                        .isEqualTo(sql("SELECT SUM(AMOUNT) FROM CROUPIER.LEDGER WHERE ACCOUNT = ?", account.name()));
            }
        }
        MoneyTables.read(client).assertInvariants();
    }

    @Test
    void theAuditReportsExactlyTheWalletAndTheTransferThatWereCorrupted() {
        // One victim on each server, so whichever node runs the audit, one difference is found remotely.
        long overwritten = openPlayerWithPrimaryOn(servers.get(0), "overwritten");
        long injected = openPlayerWithPrimaryOn(servers.get(1), "injected");
        playSomeRounds(overwritten, 10);
        playSomeRounds(injected, 10);
        IgniteCache<Long, Wallet> wallets = client.cache("wallet");
        IgniteCache<LedgerKey, LedgerEntry> ledger = client.cache("ledger");
        Wallet honest = wallets.get(overwritten);
        long injectedBalance = wallets.get(injected).balance();
        Timestamp now = new Timestamp(System.currentTimeMillis());
        LedgerKey forged = new LedgerKey(UUID.randomUUID(), 0, injected);
        try {
            wallets.put(overwritten, new Wallet("EUR", honest.balance() + 1_000, now));
            ledger.put(forged, new LedgerEntry(Account.WALLET, 5, "EUR", PostingKind.DEPOSIT, now));

            for (Ignite from : auditors()) {
                AuditReport report = LedgerAudit.run(from);
                assertThat(report.isClean()).as("audit from %s", from.name()).isFalse();
                assertThat(report.describe()).startsWith("AUDIT FAILED");
                assertThat(report.walletMismatchCount()).as(report.describe()).isEqualTo(2);
                assertThat(report.walletMismatches()).containsExactlyInAnyOrder(
                        new AuditReport.WalletMismatch(overwritten, honest.balance() + 1_000, honest.balance()),
                        new AuditReport.WalletMismatch(injected, injectedBalance, injectedBalance + 5));
                assertThat(report.unbalancedTransferCount()).as(report.describe()).isEqualTo(1);
                assertThat(report.unbalancedTransfers()).containsExactly(forged.transferId());
                assertThat(report.ledgerSum()).isEqualTo(5);
                assertThat(report.negativeBalanceCount()).isZero();
            }
        } finally {
            wallets.put(overwritten, honest);
            ledger.remove(forged);
        }
        assertThat(LedgerAudit.run(client).isClean()).as("clean again once repaired").isTrue();
    }

    @Test
    void anAuditRunningBesidePlayReportsNoFalseDifferences() throws Exception {
        long[] ids = new long[40];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = players.open("busy-" + i, "EUR");
            assertThat(wallet.execute(MoneyRequest.deposit(ids[i], "funding", "EUR", 1_000_000, "tok")).isOk())
                    .isTrue();
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong applied = new AtomicLong();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> load = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            load.add(pool.submit(() -> {
                Random random = new Random(thread);
                for (int n = 0; running.get(); n++) {
                    long player = ids[random.nextInt(ids.length)];
                    String key = "busy-" + thread + "-" + n;
                    MoneyRequest r = random.nextBoolean()
                            ? MoneyRequest.betAndWin(player, key, "EUR", 1 + random.nextInt(100),
                                    random.nextInt(3) * 40L, "round-" + key)
                            : MoneyRequest.deposit(player, key, "EUR", 1 + random.nextInt(100), "tok");
                    MoneyResult result = wallet.execute(r);
                    if (result.isOk()) {
                        applied.incrementAndGet();
                    } else {
                        problems.add(r + ": " + result);
                    }
                }
            }));
        }
        List<AuditReport> reports = new ArrayList<>();
        long appliedBeforeAudits = applied.get();
        long appliedDuringAudits;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            for (int round = 0; System.nanoTime() < deadline || round < 3; round++) {
                AuditReport report = LedgerAudit.run(auditors().get(round % auditors().size()));
                assertThat(report.isClean()).as("audit %d during play:%n%s", round, report.describe()).isTrue();
                reports.add(report);
            }
            appliedDuringAudits = applied.get() - appliedBeforeAudits;
        } finally {
            running.set(false);
            for (Future<?> f : load) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        System.out.printf("%d audits beside %d operations%n", reports.size(), appliedDuringAudits);
        assertThat(appliedDuringAudits).as("play went on while the audits ran").isPositive();
        assertThat(problems).isEmpty();
        MoneyTables.read(client).assertInvariants();
    }

    /** A few rounds of each kind on one player (funded first). */
    private static void playSomeRounds(long player, int rounds) {
        ok(MoneyRequest.deposit(player, "dep", "EUR", 100_000, "tok"));
        for (int i = 0; i < rounds; i++) {
            ok(MoneyRequest.bet(player, "bet-" + i, "EUR", 100 + i, "r" + i));
            ok(MoneyRequest.win(player, "win-" + i, "EUR", 50 + i, "r" + i));
            ok(MoneyRequest.betAndWin(player, "spin-" + i, "EUR", 10, i % 3 * 10L, "s" + i));
        }
        ok(MoneyRequest.voidBet(player, "void-0", "bet-0"));
        ok(MoneyRequest.withdraw(player, "wd", "EUR", 1_000));
    }

    private static void ok(MoneyRequest r) {
        MoneyResult result = wallet.execute(r);
        assertThat(result.isOk()).as("%s: %s", r, result).isTrue();
    }

    private static long openPlayerWithPrimaryOn(Ignite server, String name) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            long id = players.open(name + "-" + attempt, "EUR");
            if (client.affinity("wallet").isPrimary(server.cluster().localNode(), id)) {
                return id;
            }
        }
        throw new IllegalStateException("no player id maps to " + server.name());
    }

    private static List<Ignite> auditors() {
        return List.of(servers.get(0), servers.get(1), client);
    }

    private static long sql(String sql, Object... args) {
        return MoneyTables.sqlLong(client, sql, args);
    }
}
