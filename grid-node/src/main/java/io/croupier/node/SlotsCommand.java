package io.croupier.node;

import io.croupier.slots.RtpCalculator;
import io.croupier.slots.RtpReport;
import io.croupier.slots.SlotDefinition;
import io.croupier.slots.SlotDefinitions;
import io.croupier.slots.SlotSimulation;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The maths of the slot games: exact figures over every reel stop combination, and simulated play. */
@Command(name = "slots", mixinStandardHelpOptions = true, subcommands = {SlotsCommand.Rtp.class,
        SlotsCommand.Simulate.class}, description = "Slot game maths: exact RTP and simulated play.")
final class SlotsCommand {

    @Command(name = "rtp", mixinStandardHelpOptions = true,
            description = "Exact RTP, hit frequency, SD and max win of each game over all stop combinations, and "
                    + "whether the published RTP is the exact one. Exit code 1 when a published RTP differs.")
    static final class Rtp implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--game", paramLabel = "FILE|ID",
                description = "A slot definition file or game id (repeatable; default: every game of the directory).")
        List<String> games = new ArrayList<>();

        @Option(names = "--slots-directory", defaultValue = "config/slots",
                description = "Where game ids are looked up (default: ${DEFAULT-VALUE}).")
        Path slotsDirectory;

        @Override
        public Integer call() {
            List<SlotDefinition> definitions = new ArrayList<>();
            if (games.isEmpty()) {
                definitions.addAll(SlotDefinitions.loadDirectory(slotsDirectory).values());
            }
            for (String game : games) {
                definitions.add(SlotReplay.game(game, slotsDirectory));
            }
            if (definitions.isEmpty()) {
                throw new IllegalArgumentException("no slot games in " + slotsDirectory);
            }
            PrintWriter out = spec.commandLine().getOut();
            boolean allPublishedMatch = true;
            for (SlotDefinition definition : definitions) {
                allPublishedMatch &= print(out, definition, RtpCalculator.calculate(definition));
            }
            out.flush();
            return allPublishedMatch ? 0 : 1;
        }

        /** Prints one game; returns false when its published RTP is not its exact RTP. */
        private static boolean print(PrintWriter out, SlotDefinition definition, RtpReport report) {
            StringJoiner strips = new StringJoiner(" × ");
            definition.reels().forEach(strip -> strips.add(Integer.toString(strip.size())));
            out.printf("%s (%s)%n", definition.id(), definition.name());
            out.printf("  combinations   %,d (%s), %d lines%n", report.combinations(), strips, report.lines());
            out.printf("  exact RTP      %s/%s = %s%n", report.rtpNumerator(), report.rtpDenominator(),
                    exact(report, 6).toPlainString());
            out.printf("  hit frequency  %.6f%n", report.hitFrequency());
            out.printf("  SD             %.6f (per unit stake)%n", report.standardDeviation());
            out.printf("  max win        %.2f × stake%n", report.maxWinMultiplier());
            if (definition.publishedRtp().isEmpty()) {
                out.printf("  published RTP  none%n");
                return true;
            }
            BigDecimal published = definition.publishedRtp().get();
            boolean matches = publishedMatches(published, report);
            out.printf("  published RTP  %s %s (exact RTP to %d decimals: %s)%n", published.toPlainString(),
                    matches ? "MATCH" : "MISMATCH", Math.max(published.scale(), 0),
                    exact(report, published.scale()).toPlainString());
            return matches;
        }
    }

    /** A published RTP is right when it is the exact RTP rounded (half-even) to as many decimals as it is written with. */
    static boolean publishedMatches(BigDecimal published, RtpReport report) {
        return exact(report, published.scale()).compareTo(published) == 0;
    }

    /** The exact RTP rounded half-even to {@code decimals} decimals (0 when negative). */
    static BigDecimal exact(RtpReport report, int decimals) {
        return new BigDecimal(report.rtpNumerator()).divide(new BigDecimal(report.rtpDenominator()),
                Math.max(decimals, 0), RoundingMode.HALF_EVEN);
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Play many spins through the provably fair stream and compare the observed RTP with the "
                    + "exact one (99% interval). Exit code 1 when it falls outside.")
    static final class Simulate implements Callable<Integer> {
        @Option(names = "--game", required = true, paramLabel = "FILE|ID",
                description = "A slot definition file or game id.")
        String game;

        @Option(names = "--slots-directory", defaultValue = "config/slots",
                description = "Where game ids are looked up (default: ${DEFAULT-VALUE}).")
        Path slotsDirectory;

        @Option(names = "--spins", paramLabel = "N", description = "Spins to play (default: 10,000,000).")
        String spins;

        @Option(names = "--seed", paramLabel = "HEX", description = "Server seed (default: a random one, printed).")
        String seed;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("--game", SlotReplay.gameFile(game, slotsDirectory).toString()));
            if (spins != null) {
                args.addAll(List.of("--spins", spins));
            }
            if (seed != null) {
                args.addAll(List.of("--seed", seed));
            }
            // SlotSimulation prints its own report and exits with 1 when the run fails.
            SlotSimulation.main(args.toArray(String[]::new));
            return 0;
        }
    }
}
