package io.croupier.node;

import io.croupier.fair.FairRandom;
import io.croupier.fair.Seeds;
import io.croupier.slots.LineWin;
import io.croupier.slots.SlotCatalog;
import io.croupier.slots.SlotDefinition;
import io.croupier.slots.SlotDefinitions;
import io.croupier.slots.SlotEngine;
import io.croupier.slots.SlotOutcome;
import io.croupier.slots.SymbolKind;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A slot round recomputed from its seeds exactly as the grid played it (same {@link SlotEngine#spin} on the same
 * {@link FairRandom} stream), printed for a person, and compared with what the player was shown.
 */
record SlotReplay(SlotDefinition game, String serverSeedHash, String clientSeed, long nonce, SlotOutcome outcome) {

    /** Replays the spin; throws IllegalArgumentException on a malformed seed or a stake the game does not allow. */
    static SlotReplay of(SlotDefinition game, String serverSeedHex, String clientSeed, long nonce, long stake) {
        byte[] serverSeed = Seeds.fromHex(serverSeedHex.trim());
        SlotOutcome outcome = SlotEngine.spin(game, new FairRandom(serverSeed, clientSeed, nonce), stake);
        return new SlotReplay(game, Seeds.commitment(serverSeed), clientSeed, nonce, outcome);
    }

    /** A game by file path or by id (see {@link #gameFile}). */
    static SlotDefinition game(String fileOrId, Path directory) {
        return SlotDefinitions.load(gameFile(fileOrId, directory));
    }

    /**
     * The definition file of a game named by path or by id: an existing file is taken as it is, anything else as a
     * game id, read from {@code directory/<id>.json}.
     */
    static Path gameFile(String fileOrId, Path directory) {
        Path file = Path.of(fileOrId);
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (!fileOrId.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("no slot definition file " + fileOrId + " and not a game id");
        }
        Path byId = directory.resolve(fileOrId + ".json");
        if (!Files.isRegularFile(byId)) {
            throw new IllegalArgumentException("unknown game " + fileOrId + ": no file " + byId);
        }
        return byId;
    }

    String stopsText() {
        return SlotCatalog.stopsText(outcome.stops());
    }

    /** The window as a round records it: rows top first separated by '|', symbols by ','. */
    String windowText() {
        StringJoiner rows = new StringJoiner("|");
        for (List<String> row : outcome.window()) {
            rows.add(String.join(",", row));
        }
        return rows.toString();
    }

    /** Compares with the shown values; a null expectation is not compared. */
    Comparison compare(String expectedSeedHash, String expectedStops, Long expectedWin) {
        return new Comparison()
                .expect("server seed hash", serverSeedHash, hex(expectedSeedHash))
                .expect("stops", stopsText(), expectedStops == null ? null : expectedStops.replace(" ", ""))
                .expect("win", Long.toString(outcome.totalWin()), expectedWin == null ? null : expectedWin.toString());
    }

    void print(PrintWriter out) {
        long stake = outcome.stake();
        out.printf("game            %s (%s)%n", game.id(), game.name());
        out.printf("server seed     sha256 = %s%n", serverSeedHash);
        out.printf("client seed     %s, nonce %d%n", clientSeed, nonce);
        out.printf("stake           %d (line stake %d on %d lines)%n", stake, game.lineStake(stake), game.lineCount());
        out.printf("stops           %s%n", stopsText());
        int width = outcome.window().stream().flatMap(List::stream).mapToInt(String::length).max().orElse(1) + 2;
        String label = "window";
        for (List<String> row : outcome.window()) {
            StringBuilder line = new StringBuilder();
            for (String symbol : row) {
                line.append(String.format(Locale.ROOT, "%-" + width + "s", symbol));
            }
            out.printf("%-16s%s%n", label, line.toString().stripTrailing());
            label = "";
        }
        if (outcome.lineWins().isEmpty()) {
            out.printf("line wins       none%n");
        }
        label = "line wins";
        for (LineWin win : outcome.lineWins()) {
            out.printf("%-16sline %d: %d × %s pays %d × %d = %d%n", label, win.line() + 1, win.count(), win.symbol(),
                    win.multiplier(), game.lineStake(stake), win.amount());
            label = "";
        }
        String scatter = game.symbols().stream().filter(s -> s.kind() == SymbolKind.SCATTER).map(s -> s.name())
                .findFirst().orElse(null);
        if (scatter != null) {
            out.printf("scatters        %d × %s pays %d%n", outcome.scatterCount(), scatter, outcome.scatterWin());
        }
        out.printf("total win       %d%n", outcome.totalWin());
        out.flush();
    }

    static String hex(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
