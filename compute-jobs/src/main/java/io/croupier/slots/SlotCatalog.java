package io.croupier.slots;

import io.croupier.fair.FairRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The slot games a node offers, loaded from {@code config/slots/*.json} at start-up. Immutable; shared by the
 * commit lanes of the node.
 */
public final class SlotCatalog {
    public static final SlotCatalog EMPTY = new SlotCatalog(Map.of());

    private final Map<String, SlotDefinition> games;

    public SlotCatalog(Map<String, SlotDefinition> games) {
        this.games = Map.copyOf(games);
    }

    /** All games in a directory; an absent directory is an empty catalog (a node that offers no slots). */
    public static SlotCatalog loadDirectory(Path directory) {
        return Files.isDirectory(directory) ? new SlotCatalog(SlotDefinitions.loadDirectory(directory)) : EMPTY;
    }

    public boolean has(String gameId) {
        return gameId != null && games.containsKey(gameId);
    }

    public SlotDefinition game(String gameId) {
        return games.get(gameId);
    }

    public Map<String, SlotDefinition> games() {
        return games;
    }

    /** Within the game's minimum and maximum and a multiple of its stake step. */
    public boolean stakeAllowed(String gameId, long stake) {
        SlotDefinition d = games.get(gameId);
        return d != null && d.allowsStake(stake);
    }

    /** Draws and evaluates one spin of a known game with an allowed stake. */
    public SlotPlay play(String gameId, FairRandom random, long stake) {
        SlotOutcome outcome = SlotEngine.spin(games.get(gameId), random, stake);
        return new SlotPlay(outcome.totalWin(), stopsText(outcome.stops()), windowText(outcome));
    }

    public static String stopsText(int[] stops) {
        StringJoiner j = new StringJoiner(",");
        for (int s : stops) {
            j.add(Integer.toString(s));
        }
        return j.toString();
    }

    static String windowText(SlotOutcome outcome) {
        StringJoiner rows = new StringJoiner("|");
        for (var row : outcome.window()) {
            rows.add(String.join(",", row));
        }
        return rows.toString();
    }
}
