package io.croupier.bench;

import io.croupier.bench.edge.EdgeBench;
import io.croupier.bench.fraud.FraudBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/croupier bench ...}: benchmark commands. Each prints a table with a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {WalletBench.class, FloorBench.class, TableBench.class, EdgeBench.class, ReportBench.class,
        FraudBench.class},
        description = "Croupier benchmarks (not tests).")
public final class BenchMain {
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
