package io.croupier.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What analysts cost players: slot spins per second on one grid node with and without the analysts' reports running
 * every few seconds over JDBC, in one run (spins, spins + reports, spins again as a control).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Slot spin throughput with and without an analyst's report every 5 s over JDBC, same run.")
final class ReportBench implements Callable<Integer> {
    @Option(names = "--reports", split = ",",
            defaultValue = "rtp_by_game,revenue_by_game_hour,operator_liability,active_players",
            description = "Reports of sql/reports to run each time (default: ${DEFAULT-VALUE}).")
    List<String> reports;

    @Option(names = "--report-every-ms", defaultValue = "5000", description = "One report starts every this many ms, the reports in turn (never two at once).")
    long reportEveryMs;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds per phase (3 phases).")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "45", description = "Unmeasured seconds before the first phase.")
    int warmupSeconds;

    @Option(names = "--wallets", defaultValue = "10000", description = "Wallets the load spreads over.")
    int wallets;

    @Option(names = "--clients", defaultValue = "32", description = "Simulated clients, each with one spin in flight.")
    int clients;

    @Option(names = "--root", defaultValue = ".", description = "Project root (config/, sql/).")
    Path root;

    @Option(names = "--node-jvm-option", description = "Extra JVM option for the node process (repeatable), e.g. a flight recording.")
    List<String> nodeJvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        WalletBench spins = new WalletBench();
        List<String> args = new ArrayList<>(List.of("--op", "spin", "--configs", "mem1",
                "--seconds", String.valueOf(seconds), "--warmup-seconds", String.valueOf(warmupSeconds),
                "--wallets", String.valueOf(wallets), "--clients", String.valueOf(clients), "--root", root.toString()));
        nodeJvmOptions.forEach(o -> args.add("--node-jvm-option=" + o));
        new CommandLine(spins).parseArgs(args.toArray(String[]::new));
        spins.reportLoad = ReportLoad.of(root.toAbsolutePath().normalize().resolve("sql"), reports, reportEveryMs);
        return spins.call();
    }
}
