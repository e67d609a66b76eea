package io.croupier.node;

import io.croupier.audit.AuditReport;
import io.croupier.audit.LedgerAudit;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Operator commands of a grid: start a server node, audit the ledger, verify rounds, the slot games' maths, and
 * the analysts' reports.
 * {@code bin/croupier} calls this.
 */
@Command(name = "croupier", mixinStandardHelpOptions = true, subcommands = {CroupierCli.Node.class,
        CroupierCli.Audit.class, VerifyCommand.class, SlotsCommand.class, ReportCommand.class,
        AdminCommand.class}, description = "Croupier grid operations.")
public final class CroupierCli {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with its error handling: {@code verify} and {@code slots} report bad input, an unknown game
     * or round with exit code 3, so that 1 keeps meaning a mismatch and 2 a seed still in play.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CroupierCli());
        CommandLine.IParameterExceptionHandler usage = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, args) -> {
            int code = usage.handleParseException(e, args);
            return checksRounds(e.getCommandLine()) ? Comparison.EXIT_INVALID : code;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (!checksRounds(command)) {
                throw e;
            }
            command.getErr().println("error: " + e.getMessage());
            if (!(e instanceof IllegalArgumentException || e instanceof UncheckedIOException)) {
                e.printStackTrace(command.getErr());
            }
            command.getErr().flush();
            return Comparison.EXIT_INVALID;
        });
        return cli;
    }

    private static boolean checksRounds(CommandLine command) {
        for (CommandLine c = command; c != null; c = c.getParent()) {
            if (c.getCommand() instanceof VerifyCommand || c.getCommand() instanceof SlotsCommand) {
                return true;
            }
        }
        return false;
    }

    /** Prints {@code error: message} on the command's error stream and returns {@code exitCode}. */
    static int error(CommandLine.Model.CommandSpec spec, String message, int exitCode) {
        spec.commandLine().getErr().println("error: " + message);
        spec.commandLine().getErr().flush();
        return exitCode;
    }

    /** A client node of the configured cluster, returned once the cluster is active; the caller closes it. */
    static Ignite startClient(NodeSettings settings, long timeoutMs) {
        Ignite client = GridNodes.startClient(settings);
        try {
            GridNodes.awaitActive(client, timeoutMs);
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Options every command shares: where the configuration is and what to override. */
    static class ConfigOptions {
        @Option(names = "--config", description = "Node properties file (default: config/croupier-node.properties if present).")
        Path config;

        @Option(names = "--set", description = "Override one setting, e.g. --set croupier.cache.backups=2 (repeatable).")
        Map<String, String> overrides = new LinkedHashMap<>();

        NodeSettings load() throws Exception {
            Path file = config;
            if (file == null && Files.exists(Path.of("config/croupier-node.properties"))) {
                file = Path.of("config/croupier-node.properties");
            }
            return NodeSettings.load(file, overrides);
        }

        /** The settings of a short-lived client node, named after its role so several can run at once. */
        NodeSettings clientSettings(String role) throws Exception {
            return load().with(Map.of("croupier.node.name", role + "-" + UUID.randomUUID()));
        }
    }

    @Command(name = "node", mixinStandardHelpOptions = true,
            description = "Start a standalone grid server node and run until stopped (Ctrl-C or SIGTERM).")
    static final class Node implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOptions options = new ConfigOptions();

        @Override
        public Integer call() throws Exception {
            NodeSettings settings = options.load();
            Ignite ignite = GridNodes.startServer(settings);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Ignition.stop(ignite.name(), false);
                stopped.countDown();
            }, "croupier-shutdown"));
            System.out.printf("Croupier grid node %s up: discovery %s, thin client/JDBC port %s, persistence %s%n",
                    ignite.cluster().localNode().consistentId(), settings.discoveryAddresses(),
                    ignite.cluster().localNode().attribute("clientListenerPort"),
                    settings.persistence() ? settings.walMode() : "off");
            stopped.await();
            return 0;
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Check every wallet against its ledger rows, every transfer and the whole ledger for a zero sum. Exit code 0 when clean, 1 when not.")
    static final class Audit implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOptions options = new ConfigOptions();

        @Option(names = "--timeout-ms", defaultValue = "30000", description = "How long to wait for an active cluster.")
        long timeoutMs;

        @Override
        public Integer call() throws Exception {
            try (Ignite client = startClient(options.clientSettings("audit"), timeoutMs)) {
                AuditReport report = LedgerAudit.run(client);
                System.out.print(report.describe());
                return report.isClean() ? 0 : 1;
            }
        }
    }
}
