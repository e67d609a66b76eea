package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.player.Players;
import io.croupier.wallet.Account;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.LedgerEntry;
import io.croupier.wallet.LedgerKey;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.PipelineSettings;
import io.croupier.wallet.PostingKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analysts' audit queries in sql/ run against a live grid, so the library cannot rot. */
class SqlLibraryTest {
    private static final Path SQL = Path.of("..", "sql");
    private static TestGrid grid;
    private static Ignite node;
    private static long alice;
    private static long bob;

    @BeforeAll
    static void seed() throws Exception {
        grid = TestGrid.inMemory();
        node = grid.startServer();
        Players players = new Players(node, Clock.systemUTC());
        alice = players.open("alice", "EUR");
        bob = players.open("bob", "EUR");
        try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
            wallet.execute(MoneyRequest.deposit(alice, "d1", "EUR", 5_000, "tok_a"));
            wallet.execute(MoneyRequest.betAndWin(alice, "s1", "EUR", 100, 250, "r1"));
            wallet.execute(MoneyRequest.deposit(bob, "d1", "EUR", 2_000, "tok_b"));
            wallet.execute(MoneyRequest.withdraw(bob, "w1", "EUR", 500));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        grid.close();
    }

    @Test
    void onAHealthyLedgerTheAuditQueriesFindNothingAndTheTotalIsZero() throws Exception {
        assertThat(run("audit/wallet_vs_ledger.sql")).isEmpty();
        assertThat(run("audit/unbalanced_transfers.sql")).isEmpty();
        List<List<?>> totals = run("audit/ledger_zero_sum.sql");
        assertThat(total(totals, "TOTAL")).isEqualTo(0L);
        // Independent computation: the balances the operations above must leave.
        assertThat(total(totals, "WALLET")).isEqualTo(5_000L - 100 + 250 + 2_000 - 500);
        assertThat(total(totals, "HOUSE_CASHIER")).isEqualTo(-(5_000L + 2_000 - 500));
        assertThat(total(totals, "HOUSE_BETS")).isEqualTo(100L - 250);
    }

    @Test
    void aRowWrittenBehindTheWalletsBackIsFoundByEveryAuditQuery() throws Exception {
        LedgerKey forged = new LedgerKey(UUID.randomUUID(), 0, bob);
        node.cache("ledger").put(forged, new LedgerEntry(Account.WALLET, 7, "EUR", PostingKind.DEPOSIT,
                new Timestamp(System.currentTimeMillis())));
        try {
            assertThat(run("audit/wallet_vs_ledger.sql")).singleElement()
                    .satisfies(r -> assertThat(r.get(0)).isEqualTo(bob));
            assertThat(run("audit/unbalanced_transfers.sql")).singleElement()
                    .satisfies(r -> assertThat(r.get(0)).isEqualTo(forged.transferId()));
            assertThat(total(run("audit/ledger_zero_sum.sql"), "TOTAL")).isEqualTo(7L);
        } finally {
            node.cache("ledger").remove(forged);
        }
    }

    private static List<List<?>> run(String file) throws Exception {
        String sql = Files.readString(SQL.resolve(file));
        return node.cache("wallet").query(new SqlFieldsQuery(sql)).getAll();
    }

    /** SQL SUM comes back as a DECIMAL: compare its value. */
    private static long total(List<List<?>> rows, String account) {
        return ((Number) row(rows, account).get(1)).longValue();
    }

    private static List<?> row(List<List<?>> rows, String first) {
        return rows.stream().filter(r -> first.equals(r.get(0))).findFirst().orElseThrow();
    }
}
