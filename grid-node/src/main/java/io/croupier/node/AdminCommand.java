package io.croupier.node;

import io.croupier.admin.AdminAction;
import io.croupier.admin.AdminActions;
import io.croupier.rg.LimitKind;
import io.croupier.wallet.GridWalletService;
import io.croupier.wallet.PipelineSettings;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.ignite.Ignite;
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
                AdminCommand.Limit.class, AdminCommand.ClearDepositLock.class, AdminCommand.HashPassword.class},
        description = "Audited player administration (block, unblock, adjust, limit, clear-deposit-lock); every action names its administrator and reason.")
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

    /** What every player action shares: login, the grid to connect to, the player, why, and the action key. */
    abstract static class PlayerAction implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        CroupierCli.ConfigOptions options = new CroupierCli.ConfigOptions();

        @CommandLine.Mixin
        Login login = new Login();

        @Option(names = "--player", required = true, description = "Player id.")
        long playerId;

        @Option(names = "--reason", required = true, description = "Why (recorded; 1..80 printable characters).")
        String reason;

        @Option(names = "--key", description = "Action key: running the same action again with it does nothing twice (default: a new one, printed).")
        String actionKey;

        @Option(names = "--timeout-ms", defaultValue = "30000", description = "How long to wait for an active cluster.")
        long timeoutMs;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try {
                if (!login.authenticate()) {
                    return CroupierCli.error(spec, "authentication failed for " + login.admin, EXIT_AUTHENTICATION_FAILED);
                }
                String key = actionKey != null ? actionKey : "a-" + UUID.randomUUID();
                try (Ignite client = CroupierCli.startClient(options.clientSettings("admin"), timeoutMs)) {
                    AdminActions.Outcome outcome = act(client, new AdminActions(client, Clock.systemUTC()), key);
                    if (!outcome.isOk()) {
                        return CroupierCli.error(spec, "REFUSED " + outcome.code() + " (player " + playerId
                                + ", action key " + key + ")", EXIT_REFUSED);
                    }
                    out.println((outcome.replayed() ? "ALREADY DONE " : "OK ") + describe(outcome.action())
                            + " (player " + playerId + ", action key " + key + ")");
                    out.flush();
                    return 0;
                }
            } catch (IllegalArgumentException e) {
                return CroupierCli.error(spec, e.getMessage(), EXIT_BAD_INPUT);
            }
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
}
