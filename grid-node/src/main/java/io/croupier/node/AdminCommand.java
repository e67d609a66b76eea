package io.croupier.node;

import io.croupier.admin.AdminAction;
import io.croupier.admin.AdminActions;
import io.croupier.fraud.detect.AlertStatus;
import io.croupier.fraud.detect.AnomalyFeatures;
import io.croupier.fraud.detect.AnomalyModel;
import io.croupier.fraud.detect.AnomalyTraining;
import io.croupier.fraud.detect.DetectSettings;
import io.croupier.fraud.detect.FraudAlerts;
import io.croupier.fraud.detect.RiskSettingStore;
import io.croupier.schema.CacheSchema;
import io.croupier.rg.LimitKind;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.PipelineSettings;
import java.io.Console;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Player administration: block, unblock, manual balance correction. Every action authenticates the administrator
 * first, then runs as an audited operation ({@link AdminActions}): a status change with its ADMIN_ACTION row in one
 * transaction, or a ledger-correct ADJUST transfer recorded in ADMIN_ACTION. Exit codes: 0 done (or replayed),
 * 1 refused by the grid (the result code is printed), 2 bad input, 3 authentication failed.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        subcommands = {AdminCommand.Block.class, AdminCommand.Unblock.class, AdminCommand.Adjust.class,
                AdminCommand.Limit.class, AdminCommand.ClearDepositLock.class, AdminCommand.HashPassword.class,
                AdminCommand.Alerts.class, AdminCommand.AlertReview.class, AdminCommand.RiskSet.class,
                AdminCommand.RiskRetrain.class},
        description = "Audited player administration (block, unblock, adjust, limit, clear-deposit-lock) and fraud review (alerts, alert-review, risk-set, risk-retrain); every action names its administrator.")
final class AdminCommand {
    static final int EXIT_REFUSED = 1;
    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_AUTHENTICATION_FAILED = 3;

    /** Where the password comes from: a file, the environment, or a prompt (never the command line). */
    static final class PasswordSource {
        @Option(names = "--password-file", description = "File whose first line is the password (default: CROUPIER_ADMIN_PASSWORD, else a prompt).")
        Path passwordFile;

        char[] password(String admin) throws Exception {
            if (passwordFile != null) {
                return Files.readAllLines(passwordFile).get(0).toCharArray();
            }
            String fromEnvironment = System.getenv("CROUPIER_ADMIN_PASSWORD");
            if (fromEnvironment != null) {
                return fromEnvironment.toCharArray();
            }
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("no password: use --password-file or CROUPIER_ADMIN_PASSWORD");
            }
            return console.readPassword("Password for %s: ", admin);
        }
    }

    /** Who is acting, proven by a password. */
    static final class Login {
        @Option(names = "--admin", required = true, description = "Administrator's name (recorded with every action).")
        String admin;

        @CommandLine.Mixin
        PasswordSource password = new PasswordSource();

        @Option(names = "--credentials", defaultValue = "config/admins.properties", description = "Administrators' password hashes (default: ${DEFAULT-VALUE}).")
        Path credentials;

        boolean authenticate() throws Exception {
            return AdminCredentials.verify(credentials, admin, password.password(admin));
        }
    }

    /** What every administrator command shares: log in, join the grid as a client node, act, print. */
    abstract static class GridAction implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        CroupierCli.ConfigOptions options = new CroupierCli.ConfigOptions();

        @CommandLine.Mixin
        Login login = new Login();

        @Option(names = "--timeout-ms", defaultValue = "30000", description = "How long to wait for an active cluster.")
        long timeoutMs;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try {
                if (!login.authenticate()) {
                    return CroupierCli.error(spec, "authentication failed for " + login.admin, EXIT_AUTHENTICATION_FAILED);
                }
                try (Ignite client = CroupierCli.startClient(options.clientSettings("admin"), timeoutMs)) {
                    int code = act(client, out);
                    out.flush();
                    return code;
                }
            } catch (IllegalArgumentException e) {
                return CroupierCli.error(spec, e.getMessage(), EXIT_BAD_INPUT);
            }
        }

        abstract int act(Ignite client, PrintWriter out);
    }

    /** What every player action adds: the player, why, and the action key. */
    abstract static class PlayerAction extends GridAction {
        @Option(names = "--player", required = true, description = "Player id.")
        long playerId;

        @Option(names = "--reason", required = true, description = "Why (recorded; 1..80 printable characters).")
        String reason;

        @Option(names = "--key", description = "Action key: running the same action again with it does nothing twice (default: a new one, printed).")
        String actionKey;

        @Override
        int act(Ignite client, PrintWriter out) {
            String key = actionKey != null ? actionKey : "a-" + UUID.randomUUID();
            AdminActions.Outcome outcome = act(client, new AdminActions(client, Clock.systemUTC()), key);
            if (!outcome.isOk()) {
                return CroupierCli.error(spec, "REFUSED " + outcome.code() + " (player " + playerId
                        + ", action key " + key + ")", EXIT_REFUSED);
            }
            out.println((outcome.replayed() ? "ALREADY DONE " : "OK ") + describe(outcome.action())
                    + " (player " + playerId + ", action key " + key + ")");
            return 0;
        }

        abstract AdminActions.Outcome act(Ignite client, AdminActions actions, String key);

        private static String describe(AdminAction a) {
            String what = switch (a.action()) {
                case BLOCK, UNBLOCK -> a.action() + " → " + a.statusAfter();
                case ADJUST -> "ADJUST " + (a.amount() > 0 ? "+" : "") + a.amount() + " transfer " + a.transferId();
                case LIMIT_OVERRIDE, CLEAR_DEPOSIT_LOCK -> a.action() + " " + a.statusBefore() + " → " + a.statusAfter();
            };
            return what + " by " + a.admin() + " at " + a.createdAt().toInstant() + ": " + a.reason();
        }
    }

    @Command(name = "block", mixinStandardHelpOptions = true, description = "Block a player (status BLOCKED), with the reason.")
    static final class Block extends PlayerAction {
        @Override
        AdminActions.Outcome act(Ignite client, AdminActions actions, String key) {
            return actions.setBlocked(playerId, true, login.admin, reason, key);
        }
    }

    @Command(name = "unblock", mixinStandardHelpOptions = true, description = "Unblock a player (status ACTIVE), with the reason.")
    static final class Unblock extends PlayerAction {
        @Override
        AdminActions.Outcome act(Ignite client, AdminActions actions, String key) {
            return actions.setBlocked(playerId, false, login.admin, reason, key);
        }
    }

    @Command(name = "adjust", mixinStandardHelpOptions = true,
            description = "Correct a balance by a transfer against HOUSE_ADJUSTMENTS (never an edit): --amount 500 credits, --amount -500 debits (minor units).")
    static final class Adjust extends PlayerAction {
        @Option(names = "--amount", required = true, description = "Minor units; negative debits.")
        long amountMinor;

        @Option(names = "--currency", required = true, description = "The wallet's currency (ISO 4217).")
        String currency;

        @Override
        AdminActions.Outcome act(Ignite client, AdminActions actions, String key) {
            try (GridWalletService wallet = new GridWalletService(client, PipelineSettings.defaults())) {
                return actions.adjust(wallet, playerId, amountMinor, currency, login.admin, reason, key);
            }
        }
    }

    @Command(name = "limit", mixinStandardHelpOptions = true,
            description = "Set a player's responsible-gambling limit at once (no 24-hour wait), or remove it with --none; recorded in ADMIN_ACTION and RG_EVENT.")
    static final class Limit extends PlayerAction {
        @Option(names = "--kind", required = true, description = "DEPOSIT_DAY, DEPOSIT_WEEK, DEPOSIT_MONTH or LOSS_DAY.")
        String kind;

        @Option(names = "--amount", description = "The limit in minor units (> 0).")
        Long amountMinor;

        @Option(names = "--none", description = "Remove the limit.")
        boolean none;

        @Override
        AdminActions.Outcome act(Ignite client, AdminActions actions, String key) {
            if (none == (amountMinor != null)) {
                throw new IllegalArgumentException("give either --amount or --none");
            }
            LimitKind limitKind;
            try {
                limitKind = LimitKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--kind must be one of " + java.util.Arrays.toString(LimitKind.values()));
            }
            return actions.overrideLimit(playerId, limitKind, none ? null : amountMinor, login.admin, reason, key);
        }
    }

    @Command(name = "clear-deposit-lock", mixinStandardHelpOptions = true,
            description = "Lift the lock that declined deposits put on a player's deposits; recorded in ADMIN_ACTION and RG_EVENT.")
    static final class ClearDepositLock extends PlayerAction {
        @Override
        AdminActions.Outcome act(Ignite client, AdminActions actions, String key) {
            return actions.clearDepositLock(playerId, login.admin, reason, key);
        }
    }

    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = "Print the credentials line for an administrator (add it to config/admins.properties).")
    static final class HashPassword implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Parameters(index = "0", paramLabel = "NAME", description = "Administrator's name.")
        String admin;

        @CommandLine.Mixin
        PasswordSource password = new PasswordSource();

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().println(admin + "=" + AdminCredentials.hash(password.password(admin),
                    new SecureRandom()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "alerts", mixinStandardHelpOptions = true,
            description = "List fraud and AML alerts (default: OPEN ones, newest first): player, alert id, severity, action, score, hits, event time, evidence.")
    static final class Alerts extends GridAction {
        @Option(names = "--status", defaultValue = "OPEN", description = "OPEN, CONFIRMED or DISMISSED (default: ${DEFAULT-VALUE}).")
        AlertStatus status;

        @Option(names = "--limit", defaultValue = "100", description = "Most alerts listed (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        int act(Ignite client, PrintWriter out) {
            SqlFieldsQuery q = new SqlFieldsQuery("SELECT PLAYER_ID, ALERT_ID, SEVERITY, ACTION, SCORE, HITS, EVENT_AT, "
                    + "EVIDENCE FROM " + CacheSchema.SQL_SCHEMA + ".FRAUD_ALERT WHERE STATUS = ? "
                    + "ORDER BY CREATED_AT DESC LIMIT ?").setArgs(status.name(), Math.max(1, limit));
            List<List<?>> rows = client.cache(CacheSchema.FRAUD_ALERT).query(q).getAll();
            out.println("PLAYER_ID\tALERT_ID\tSEVERITY\tACTION\tSCORE\tHITS\tEVENT_AT\tEVIDENCE");
            for (List<?> r : rows) {
                out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%.2f\t%s\t%s\t%s%n", r.get(0), r.get(1), r.get(2),
                        r.get(3), ((Number) r.get(4)).doubleValue(), r.get(5), r.get(6), r.get(7));
            }
            out.println(rows.size() + " " + status + " alert(s)");
            return 0;
        }
    }

    @Command(name = "alert-review", mixinStandardHelpOptions = true,
            description = "Confirm or dismiss an alert, with the reason (recorded as REVIEWED_BY / REVIEW_NOTE). Dismissing lifts the hold or block the alert set unless another open or confirmed alert still asks for it.")
    static final class AlertReview extends GridAction {
        @CommandLine.Parameters(index = "0", paramLabel = "PLAYER", description = "Player id.")
        long playerId;

        @CommandLine.Parameters(index = "1", paramLabel = "ALERT_ID", description = "The alert id, e.g. AML_STRUCTURING:day:2026-11-29.")
        String alertId;

        @CommandLine.Parameters(index = "2", paramLabel = "DECISION", description = "confirm or dismiss.")
        String decision;

        @Option(names = "--reason", required = true, description = "Why (recorded; 1..200 printable characters).")
        String reason;

        @Override
        int act(Ignite client, PrintWriter out) {
            AlertStatus status = switch (decision.toLowerCase(Locale.ROOT)) {
                case "confirm" -> AlertStatus.CONFIRMED;
                case "dismiss" -> AlertStatus.DISMISSED;
                default -> throw new IllegalArgumentException("decision must be confirm or dismiss, not " + decision);
            };
            if (reason.isBlank() || reason.length() > 200) {
                throw new IllegalArgumentException("reason must be 1..200 characters");
            }
            if (!new FraudAlerts(client, Clock.systemUTC()).review(playerId, alertId, status, login.admin, reason)) {
                return CroupierCli.error(spec, "REFUSED unknown alert " + alertId + " of player " + playerId,
                        EXIT_REFUSED);
            }
            out.println("OK " + status + " " + alertId + " (player " + playerId + ") by " + login.admin + ": " + reason);
            return 0;
        }
    }

    @Command(name = "risk-set", mixinStandardHelpOptions = true,
            description = "Change one detection threshold for the whole cluster, at once and without a restart (RISK_SETTING; who and when are recorded). Names: docs/operations.md.")
    static final class RiskSet extends GridAction {
        @CommandLine.Parameters(index = "0", paramLabel = "NAME", description = "Setting name, e.g. aml.structuring.depositsMin.")
        String name;

        @CommandLine.Parameters(index = "1", paramLabel = "VALUE", description = "New value (a number >= 0).")
        BigDecimal value;

        @Override
        int act(Ignite client, PrintWriter out) {
            // Known: a per-player rule's setting, or any setting a node wrote its default for (the cross-player rules').
            if (!DetectSettings.defaultValues().containsKey(name)
                    && !client.cache(CacheSchema.RISK_SETTING).containsKey(name)) {
                throw new IllegalArgumentException("unknown setting " + name + " (not in RISK_SETTING); see "
                        + "docs/operations.md, \"Fraud alerts and thresholds\"");
            }
            BigDecimal before = new RiskSettingStore(client, Clock.systemUTC()).set(name, value, login.admin);
            GridNodes.log().info("Risk setting {} changed from {} to {} by {}", name, before, value, login.admin);
            out.println("OK " + name + " = " + value.toPlainString() + " (was "
                    + (before == null ? "unset" : before.toPlainString()) + ") by " + login.admin);
            return 0;
        }
    }

    @Command(name = "risk-retrain", mixinStandardHelpOptions = true,
            description = "Retrain the anomaly model now from every player's activity (a map-reduce on the server nodes, each over its own partitions).")
    static final class RiskRetrain extends GridAction {
        @Override
        int act(Ignite client, PrintWriter out) {
            AnomalyModel model = AnomalyTraining.retrain(client, Clock.systemUTC());
            GridNodes.log().info("Anomaly model retrained on {} players by {}", model.players(), login.admin);
            out.println("OK anomaly model trained on " + model.players() + " players at " + model.trainedAt().toInstant());
            for (int i = 0; i < AnomalyFeatures.NAMES.length; i++) {
                out.printf(Locale.ROOT, "%-24s mean %.4f  sd %.4f%n", AnomalyFeatures.NAMES[i], model.mean(i),
                        model.deviation(i));
            }
            return 0;
        }
    }
}
