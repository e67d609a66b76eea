package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.player.Players;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.PipelineSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteJdbcThinDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What analysts see: the CROUPIER schema through Ignite's system views, and the ledger through the thin JDBC
 * driver on the node's client port (what sqlline and GUI tools use).
 */
class SqlSchemaTest {
    private static TestGrid grid;
    private static Ignite node;

    @BeforeAll
    static void startGrid() throws Exception {
        grid = TestGrid.inMemory();
        node = grid.startServer();
        grid.startServer();
        Players players = new Players(node, Clock.systemUTC());
        try (GridWalletService wallet = new GridWalletService(node, PipelineSettings.defaults())) {
            for (int i = 0; i < 10; i++) {
                long p = players.open("analyst-view-" + i, "EUR");
                ok(wallet, MoneyRequest.deposit(p, "dep", "EUR", 10_000, "tok"));
                ok(wallet, MoneyRequest.bet(p, "bet", "EUR", 100 * (i + 1), "r1"));
                ok(wallet, MoneyRequest.betAndWin(p, "spin", "EUR", 50, 20 * i, "r2"));
                ok(wallet, MoneyRequest.withdraw(p, "wd", "EUR", 1_000));
            }
        }
    }

    @AfterAll
    static void stopGrid() throws Exception {
        grid.close();
    }

    @Test
    void theCroupierSchemaHasThePlayerWalletLedgerAndTransferTablesWithTheirColumns() {
        Set<String> tables = new HashSet<>();
        MoneyTables.sql(node, "SELECT TABLE_NAME FROM SYS.TABLES WHERE SCHEMA_NAME = 'CROUPIER'")
                .forEach(r -> tables.add((String) r.get(0)));
        assertThat(tables).contains("PLAYER", "WALLET", "LEDGER", "TRANSFER");

        Map<String, Set<String>> columns = new HashMap<>();
        MoneyTables.sql(node, "SELECT TABLE_NAME, COLUMN_NAME FROM SYS.TABLE_COLUMNS WHERE SCHEMA_NAME = 'CROUPIER'")
                .forEach(r -> columns.computeIfAbsent((String) r.get(0), t -> new HashSet<>()).add((String) r.get(1)));
        assertThat(columns.get("PLAYER")).contains("PLAYER_ID", "USERNAME", "CURRENCY", "STATUS", "CREATED_AT");
        assertThat(columns.get("WALLET")).contains("PLAYER_ID", "CURRENCY", "BALANCE", "UPDATED_AT");
        assertThat(columns.get("LEDGER"))
                .contains("TRANSFER_ID", "POSTING", "PLAYER_ID", "ACCOUNT", "AMOUNT", "CURRENCY", "KIND", "CREATED_AT");
        assertThat(columns.get("TRANSFER")).contains("PLAYER_ID", "IDEMPOTENCY_KEY", "TRANSFER_ID", "KIND", "AMOUNT",
                "WIN_AMOUNT", "CURRENCY", "REFERENCE", "BALANCE_AFTER", "CREATED_AT", "VOIDED_BY");
    }

    @Test
    void theLedgerAndTransferTablesAreColocatedByPlayerAndTheLedgerIsIndexedByPlayer() {
        Map<String, String> affinityColumns = new HashMap<>();
        MoneyTables.sql(node, "SELECT TABLE_NAME, AFFINITY_KEY_COLUMN FROM SYS.TABLES WHERE SCHEMA_NAME = 'CROUPIER'")
                .forEach(r -> affinityColumns.put((String) r.get(0), (String) r.get(1)));
        assertThat(affinityColumns).containsEntry("LEDGER", "PLAYER_ID").containsEntry("TRANSFER", "PLAYER_ID");

        List<String> ledgerIndexes = new ArrayList<>();
        MoneyTables.sql(node, "SELECT COLUMNS FROM SYS.INDEXES WHERE SCHEMA_NAME = 'CROUPIER' AND TABLE_NAME = 'LEDGER'")
                .forEach(r -> ledgerIndexes.add((String) r.get(0)));
        assertThat(ledgerIndexes).as("index columns of LEDGER").anyMatch(c -> c.startsWith("\"PLAYER_ID\""));
    }

    @Test
    void theThinJdbcDriverOnTheClientPortSeesABalancedLedger() throws SQLException {
        String url = "jdbc:ignite:thin://127.0.0.1:" + grid.clientPort();
        assertThat(DriverManager.getDriver(url)).isInstanceOf(IgniteJdbcThinDriver.class);
        try (Connection jdbc = DriverManager.getConnection(url)) {
            assertThat(single(jdbc, "SELECT SUM(AMOUNT) FROM CROUPIER.LEDGER")).isZero();
            assertThat(single(jdbc, "SELECT COUNT(*) FROM CROUPIER.LEDGER"))
                    .isEqualTo(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.LEDGER")).isPositive();
            assertThat(single(jdbc, "SELECT SUM(BALANCE) FROM CROUPIER.WALLET"))
                    .isEqualTo(single(jdbc, "SELECT SUM(AMOUNT) FROM CROUPIER.LEDGER WHERE ACCOUNT = 'WALLET'"));
            // A report an analyst would write: wallets that disagree with their ledger. Colocation makes this
            // join correct without distributed joins.
            try (PreparedStatement st = jdbc.prepareStatement("SELECT W.PLAYER_ID, W.BALANCE, SUM(L.AMOUNT) "
                    + "FROM CROUPIER.WALLET W JOIN CROUPIER.LEDGER L ON L.PLAYER_ID = W.PLAYER_ID "
                    + "WHERE L.ACCOUNT = 'WALLET' GROUP BY W.PLAYER_ID, W.BALANCE");
                 ResultSet rs = st.executeQuery()) {
                int wallets = 0;
                while (rs.next()) {
                    wallets++;
                    assertThat(rs.getLong(2)).as("wallet %d against its ledger", rs.getLong(1)).isEqualTo(rs.getLong(3));
                }
                assertThat(wallets).isEqualTo(10);
            }
        }
    }

    private static long single(Connection jdbc, String sql) throws SQLException {
        try (PreparedStatement st = jdbc.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static void ok(GridWalletService wallet, MoneyRequest r) {
        assertThat(wallet.execute(r).isOk()).as("%s", r).isTrue();
    }
}
