package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.audit.LedgerAudit;
import io.croupier.player.PlayerStatus;
import io.croupier.player.Players;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.PipelineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code croupier admin} against a real grid: authenticated, audited, ledger-correct, applied once per key. */
class AdminCommandTest {
    private static TestGrid grid;
    private static Ignite node;
    private static GridWalletService wallet;
    private static Players players;
    private static Path credentials;
    private static Path password;
    private static Path wrongPassword;

    @BeforeAll
    static void startGrid() throws Exception {
        grid = TestGrid.inMemory();
        node = grid.startServer();
        wallet = new GridWalletService(node, PipelineSettings.defaults());
        players = new Players(node, Clock.systemUTC());
        credentials = Files.createTempFile("croupier-admins-", ".properties");
        Files.writeString(credentials, "alice=" + AdminCredentials.hash("correct horse".toCharArray(), new SecureRandom())
                + "\n");
        password = Files.createTempFile("croupier-admin-password-", ".txt");
        Files.writeString(password, "correct horse\n");
        wrongPassword = Files.createTempFile("croupier-admin-password-", ".txt");
        Files.writeString(wrongPassword, "battery staple\n");
    }

    @AfterAll
    static void stopGrid() throws Exception {
        wallet.close();
        grid.close();
        for (Path p : List.of(credentials, password, wrongPassword)) {
            Files.deleteIfExists(p);
        }
    }

    private static long fundedPlayer(String name, long amount) {
        long player = players.open(name, "EUR");
        assertThat(wallet.execute(MoneyRequest.deposit(player, "dep", "EUR", amount, "tok")).isOk()).isTrue();
        return player;
    }

    @Test
    void aCorrectionIsALedgerCorrectTransferRecordedWithWhoAndWhyAndAppliedOncePerKey() {
        long player = fundedPlayer("corrected", 10_000);

        CliRun credit = admin("alice", password, "adjust", "--player", String.valueOf(player), "--amount", "500",
                "--currency", "EUR", "--reason", "goodwill after outage", "--key", "fix-1");
        assertThat(credit.exitCode()).as("%s", credit).isZero();
        assertThat(credit.out()).contains("OK ADJUST +500", "by alice", "goodwill after outage");
        CliRun debit = admin("alice", password, "adjust", "--player", String.valueOf(player), "--amount", "-2000",
                "--currency", "EUR", "--reason", "duplicate deposit", "--key", "fix-2");
        assertThat(debit.exitCode()).as("%s", debit).isZero();
        CliRun again = admin("alice", password, "adjust", "--player", String.valueOf(player), "--amount", "500",
                "--currency", "EUR", "--reason", "goodwill after outage", "--key", "fix-1");
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.out()).startsWith("ALREADY DONE");
        CliRun tooMuch = admin("alice", password, "adjust", "--player", String.valueOf(player), "--amount", "-1000000",
                "--currency", "EUR", "--reason", "typo", "--key", "fix-3");
        assertThat(tooMuch.exitCode()).isEqualTo(AdminCommand.EXIT_REFUSED);
        assertThat(tooMuch.err()).contains("INSUFFICIENT_FUNDS");

        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(10_000 + 500 - 2_000);
        assertThat(MoneyTables.sqlLong(node, "SELECT SUM(AMOUNT) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ? "
                + "AND KIND = 'ADJUSTMENT' AND ACCOUNT = 'HOUSE_ADJUSTMENTS'", player)).isEqualTo(1_500);
        assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.LEDGER WHERE PLAYER_ID = ? "
                + "AND KIND = 'ADJUSTMENT'", player)).isEqualTo(4);
        assertThat(LedgerAudit.run(node).isClean()).isTrue();

        List<List<?>> audit = MoneyTables.sql(node, "SELECT A.ACTION_KEY, A.ADMIN, A.ACTION, A.AMOUNT, A.REASON, "
                + "T.KIND, T.REFERENCE FROM CROUPIER.ADMIN_ACTION A JOIN CROUPIER.TRANSFER T "
                + "ON T.PLAYER_ID = A.PLAYER_ID AND T.TRANSFER_ID = A.TRANSFER_ID WHERE A.PLAYER_ID = ? "
                + "ORDER BY A.ACTION_KEY", player);
        assertThat(audit).containsExactly(
                List.of("fix-1", "alice", "ADJUST", 500L, "goodwill after outage", "ADJUST_CREDIT",
                        "admin:alice:fix-1"),
                List.of("fix-2", "alice", "ADJUST", -2_000L, "duplicate deposit", "ADJUST_DEBIT",
                        "admin:alice:fix-2"));
    }

    @Test
    void blockingAndUnblockingChangeTheStatusInTheSameTransactionAsTheirAuditRow() {
        long player = fundedPlayer("blocked", 1_000);
        CliRun block = admin("alice", password, "block", "--player", String.valueOf(player), "--reason",
                "chargeback investigation", "--key", "b-1");
        assertThat(block.exitCode()).as("%s", block).isZero();
        assertThat(players.find(player).orElseThrow().status()).isEqualTo(PlayerStatus.BLOCKED);
        CliRun unblock = admin("alice", password, "unblock", "--player", String.valueOf(player), "--reason",
                "cleared", "--key", "u-1");
        assertThat(unblock.exitCode()).as("%s", unblock).isZero();
        assertThat(players.find(player).orElseThrow().status()).isEqualTo(PlayerStatus.ACTIVE);

        assertThat(MoneyTables.sql(node, "SELECT ACTION, STATUS_BEFORE, STATUS_AFTER, ADMIN, REASON, RESULT "
                + "FROM CROUPIER.ADMIN_ACTION WHERE PLAYER_ID = ? ORDER BY CREATED_AT, ACTION_KEY", player))
                .containsExactly(List.of("BLOCK", "ACTIVE", "BLOCKED", "alice", "chargeback investigation", "OK"),
                        List.of("UNBLOCK", "BLOCKED", "ACTIVE", "alice", "cleared", "OK"));
        CliRun otherActionSameKey = admin("alice", password, "unblock", "--player", String.valueOf(player),
                "--reason", "cleared", "--key", "b-1");
        assertThat(otherActionSameKey.exitCode()).isEqualTo(AdminCommand.EXIT_REFUSED);
        assertThat(otherActionSameKey.err()).contains("DUPLICATE_KEY_DIFFERENT_REQUEST");
    }

    @Test
    void aWrongPasswordAnUnknownAdministratorOrAnUnknownPlayerChangesNothing() {
        long player = fundedPlayer("untouched", 1_000);
        CliRun wrong = admin("alice", wrongPassword, "block", "--player", String.valueOf(player), "--reason", "x");
        assertThat(wrong.exitCode()).isEqualTo(AdminCommand.EXIT_AUTHENTICATION_FAILED);
        assertThat(wrong.err()).contains("authentication failed");
        CliRun stranger = admin("mallory", password, "adjust", "--player", String.valueOf(player), "--amount", "99999",
                "--currency", "EUR", "--reason", "x");
        assertThat(stranger.exitCode()).isEqualTo(AdminCommand.EXIT_AUTHENTICATION_FAILED);
        CliRun nobody = admin("alice", password, "block", "--player", "987654321", "--reason", "x");
        assertThat(nobody.exitCode()).isEqualTo(AdminCommand.EXIT_REFUSED);
        assertThat(nobody.err()).contains("UNKNOWN_PLAYER");
        CliRun noReason = admin("alice", password, "block", "--player", String.valueOf(player), "--reason", " ");
        assertThat(noReason.exitCode()).isEqualTo(AdminCommand.EXIT_BAD_INPUT);

        assertThat(players.find(player).orElseThrow().status()).isEqualTo(PlayerStatus.ACTIVE);
        assertThat(wallet.wallet(player).orElseThrow().balance()).isEqualTo(1_000);
        assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.ADMIN_ACTION WHERE PLAYER_ID = ?", player))
                .isZero();
    }

    @Test
    void hashPasswordPrintsACredentialsLineThatVerifiesOnlyTheRightPassword() throws Exception {
        CliRun run = CliRun.of("admin", "hash-password", "bob", "--password-file", password.toString());
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).startsWith("bob=pbkdf2-sha256:" + AdminCredentials.ITERATIONS + ":").doesNotContain("horse");
        Path file = Files.createTempFile("croupier-admins-", ".properties");
        try {
            Files.writeString(file, run.out());
            assertThat(AdminCredentials.verify(file, "bob", "correct horse".toCharArray())).isTrue();
            assertThat(AdminCredentials.verify(file, "bob", "correct horse ".toCharArray())).isFalse();
            assertThat(AdminCredentials.verify(file, "alice", "correct horse".toCharArray())).isFalse();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aLimitOverrideAndAClearedDepositLockAreAuditedAndAppliedOncePerKey() {
        long player = fundedPlayer("limited", 1_000);
        CliRun set = admin("alice", password, "limit", "--player", String.valueOf(player), "--kind", "LOSS_DAY",
                "--amount", "2500", "--reason", "affordability review", "--key", "lim-1");
        assertThat(set.exitCode()).as("%s", set).isZero();
        assertThat(set.out()).contains("OK LIMIT_OVERRIDE LOSS_DAY=none → LOSS_DAY=2500", "by alice");
        CliRun again = admin("alice", password, "limit", "--player", String.valueOf(player), "--kind", "LOSS_DAY",
                "--amount", "2500", "--reason", "affordability review", "--key", "lim-1");
        assertThat(again.out()).startsWith("ALREADY DONE");
        CliRun removed = admin("alice", password, "limit", "--player", String.valueOf(player), "--kind", "LOSS_DAY",
                "--none", "--reason", "review closed", "--key", "lim-2");
        assertThat(removed.out()).contains("LOSS_DAY=2500 → LOSS_DAY=none");
        CliRun cleared = admin("alice", password, "clear-deposit-lock", "--player", String.valueOf(player),
                "--reason", "card replaced", "--key", "unlock-1");
        assertThat(cleared.exitCode()).as("%s", cleared).isZero();
        assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.RG_EVENT WHERE PLAYER_ID = ? "
                + "AND KIND = 'ADMIN_OVERRIDE' AND ACTOR = 'admin:alice'", player)).isEqualTo(3);
        assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.ADMIN_ACTION WHERE PLAYER_ID = ?",
                player)).isEqualTo(3);

        CliRun bad = admin("alice", password, "limit", "--player", String.valueOf(player), "--kind", "LOSS_WEEK",
                "--amount", "1", "--reason", "typo");
        assertThat(bad.exitCode()).isEqualTo(AdminCommand.EXIT_BAD_INPUT);
        CliRun both = admin("alice", password, "limit", "--player", String.valueOf(player), "--kind", "LOSS_DAY",
                "--amount", "1", "--none", "--reason", "typo");
        assertThat(both.exitCode()).isEqualTo(AdminCommand.EXIT_BAD_INPUT);
    }

    @Test
    void alertsAreListedReviewedAndThresholdsSetByAnAuthenticatedAdministrator() {
        long player = fundedPlayer("reviewed", 10_000);
        new io.croupier.fraud.detect.FraudAlerts(node, Clock.systemUTC()).raise(new io.croupier.fraud.detect.Finding(
                player, io.croupier.fraud.detect.AlertRule.AML_STRUCTURING, "day:2026-11-29",
                io.croupier.fraud.detect.Severity.MEDIUM, 3, "3 deposits just under", 1_000));
        assertThat(players.find(player).orElseThrow().status()).isEqualTo(PlayerStatus.HELD);

        CliRun list = admin("alice", password, "alerts");
        assertThat(list.exitCode()).as("%s", list).isZero();
        assertThat(list.out()).contains(player + "\tAML_STRUCTURING:day:2026-11-29\tMEDIUM\tHOLD_WITHDRAWALS");
        assertThat(admin("alice", wrongPassword, "alerts").exitCode())
                .isEqualTo(AdminCommand.EXIT_AUTHENTICATION_FAILED);

        CliRun dismiss = admin("alice", password, "alert-review", String.valueOf(player),
                "AML_STRUCTURING:day:2026-11-29", "dismiss", "--reason", "payroll deposits");
        assertThat(dismiss.exitCode()).as("%s", dismiss).isZero();
        assertThat(players.find(player).orElseThrow().status()).isEqualTo(PlayerStatus.ACTIVE);
        assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.FRAUD_ALERT WHERE PLAYER_ID = ? AND "
                + "STATUS = 'DISMISSED' AND REVIEWED_BY = 'alice' AND REVIEW_NOTE = 'payroll deposits'", player))
                .isEqualTo(1);
        assertThat(admin("alice", password, "alert-review", String.valueOf(player), "NO_SUCH:x", "confirm",
                "--reason", "x").exitCode()).isEqualTo(AdminCommand.EXIT_REFUSED);

        CliRun set = admin("alice", password, "risk-set", "aml.structuring.depositsMin", "4");
        assertThat(set.exitCode()).as("%s", set).isZero();
        assertThat(MoneyTables.sqlLong(node, "SELECT COUNT(*) FROM CROUPIER.RISK_SETTING WHERE "
                + "NAME = 'aml.structuring.depositsMin' AND THRESHOLD = 4 AND UPDATED_BY = 'alice'")).isEqualTo(1);
        assertThat(admin("alice", password, "risk-set", "no.such.setting", "4").exitCode())
                .isEqualTo(AdminCommand.EXIT_BAD_INPUT);
        assertThat(admin("alice", password, "risk-set", "aml.structuring.depositsMin", "3").exitCode()).isZero();

        CliRun retrain = admin("alice", password, "risk-retrain");
        assertThat(retrain.exitCode()).as("%s", retrain).isZero();
        assertThat(retrain.out()).contains("OK anomaly model trained on", "winRateZ");
    }

    /** The command line, pointed at the test grid with --set, logged in as {@code admin}. */
    private static CliRun admin(String admin, Path passwordFile, String action, String... args) {
        NodeSettings s = grid.settings(99, true);
        List<String> all = new ArrayList<>(List.of("admin", action, "--admin", admin, "--password-file",
                passwordFile.toString(), "--credentials", credentials.toString(), "--timeout-ms", "20000"));
        all.addAll(List.of(args));
        Map.of("croupier.discovery.addresses", String.join(",", s.discoveryAddresses()),
                "croupier.discovery.port", String.valueOf(s.discoveryPort()),
                "croupier.communication.port", String.valueOf(s.communicationPort()),
                "croupier.node.workDirectory", s.workDirectory().toString(),
                "croupier.persistence.enabled", "false",
                "croupier.cache.partitions", String.valueOf(s.partitions()),
                "croupier.failureDetectionTimeoutMs", "3000").forEach((key, value) -> {
                    all.add("--set");
                    all.add(key + "=" + value);
                });
        return CliRun.of(all.toArray(String[]::new));
    }
}
