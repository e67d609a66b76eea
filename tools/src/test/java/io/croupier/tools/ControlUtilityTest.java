package io.croupier.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.player.Players;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.PipelineSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.internal.commandline.CommandHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sqlline.SqlLine;

/**
 * Ignite's control utility and sqlline, exactly as bin/control.sh and bin/sqlline.sh run them, against a 3-node
 * cluster configured like {@code bin/croupier node}: the nodes must answer them out of the box.
 */
class ControlUtilityTest {
    private static final int SERVERS = 3;
    private static final int PLAYERS = 20;
    private static final long DEPOSIT_MINOR = 5_000;
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.start(SERVERS);
        Players players = new Players(cluster.node(0), Clock.systemUTC());
        try (GridWalletService wallet = new GridWalletService(cluster.node(0), PipelineSettings.defaults())) {
            for (int i = 0; i < PLAYERS; i++) {
                long player = players.open("control-" + i, "EUR");
                assertThat(wallet.execute(MoneyRequest.deposit(player, "dep", "EUR", DEPOSIT_MINOR, "tok")).isOk())
                        .isTrue();
            }
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void stateReportsAnActiveCluster() {
        Run run = control("--state");
        assertThat(run.exitCode).as(run.out).isZero();
        assertThat(run.out).contains("Cluster state: ACTIVE");
    }

    @Test
    void baselineListsEveryServerNodeOnline() {
        Run run = control("--baseline");
        assertThat(run.exitCode).as(run.out).isZero();
        assertThat(run.out).contains("Number of baseline nodes: " + SERVERS);
        for (int i = 0; i < SERVERS; i++) {
            String consistentId = cluster.node(i).cluster().localNode().consistentId().toString();
            assertThat(run.out).contains("ConsistentId=" + consistentId);
        }
        assertThat(run.out.lines().filter(l -> l.contains("State=ONLINE")).count()).isEqualTo(SERVERS);
    }

    @Test
    void idleVerifyFindsPrimaryAndBackupCopiesIdentical() {
        Run run = control("--cache", "idle_verify");
        assertThat(run.exitCode).as(run.out).isZero();
        assertThat(run.out).contains("no conflicts have been found");
    }

    @Test
    void transactionListIsEmptyOnAnIdleCluster() {
        Run run = control("--tx");
        assertThat(run.exitCode).as(run.out).isZero();
        assertThat(run.out).contains("Nothing found");
    }

    @Test
    void metricAndSystemViewReadTheNodesOwnFigures() {
        Run nodes = control("--system-view", "NODES");
        assertThat(nodes.exitCode).as(nodes.out).isZero();
        assertThat(nodes.out).contains(cluster.node(0).cluster().localNode().consistentId().toString());

        Run metric = control("--metric", "cache.wallet.CacheSize");
        assertThat(metric.exitCode).as(metric.out).isZero();
        assertThat(metric.out).containsPattern("cache\\.wallet\\.CacheSize\\s+\\d+");
    }

    @Test
    void sqllineRunsAScriptOverTheThinJdbcDriver() throws Exception {
        Path script = Files.createTempFile("croupier-sqlline-", ".sql");
        try {
            Files.writeString(script, "SELECT COUNT(*) AS WALLETS, SUM(BALANCE) AS TOTAL FROM CROUPIER.WALLET;\n");
            SqlLine sqlline = new SqlLine();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sqlline.setOutputStream(out);
            sqlline.setErrorStream(out);
            System.setProperty("org.jline.terminal.dumb", "true");
            SqlLine.Status status = sqlline.begin(new String[] {
                    "-d", "org.apache.ignite.IgniteJdbcThinDriver",
                    "-u", "jdbc:ignite:thin://127.0.0.1:" + cluster.clientPort(), "-n", "", "-p", "",
                    "--outputformat=csv", "-f", script.toString()}, new ByteArrayInputStream(new byte[0]), false);
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(status).as(text).isEqualTo(SqlLine.Status.OK);
            assertThat(text).contains("'" + PLAYERS + "','" + PLAYERS * DEPOSIT_MINOR + "'");
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static Run control(String... command) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(cluster.clientPort())));
        args.addAll(List.of(command));
        CapturingLogger log = new CapturingLogger();
        int exitCode = new CommandHandler(log).execute(args);
        return new Run(exitCode, log.text.toString());
    }

    private record Run(int exitCode, String out) {
    }

    /** What the control utility prints to the console, captured. */
    private static final class CapturingLogger implements IgniteLogger {
        final StringBuffer text = new StringBuffer();

        @Override
        public IgniteLogger getLogger(Object ctgr) {
            return this;
        }

        @Override
        public void trace(String msg) {
        }

        @Override
        public void debug(String msg) {
        }

        @Override
        public void info(String msg) {
            text.append(msg).append('\n');
        }

        @Override
        public void warning(String msg, Throwable e) {
            text.append(msg).append('\n');
        }

        @Override
        public void error(String msg, Throwable e) {
            text.append(msg).append('\n');
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isQuiet() {
            return false;
        }

        @Override
        public String fileName() {
            return null;
        }
    }
}
