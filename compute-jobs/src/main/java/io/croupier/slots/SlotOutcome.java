package io.croupier.slots;

import java.util.Arrays;
import java.util.List;

/**
 * The result of one spin: where the reels stopped, what the window shows, and what it pays. All amounts are minor
 * units of the stake's currency. Immutable.
 */
public final class SlotOutcome {
    private final String gameId;
    private final long stake;
    private final int[] stops;
    private final List<List<String>> window;
    private final List<LineWin> lineWins;
    private final int scatterCount;
    private final long scatterWin;
    private final long totalWin;

    SlotOutcome(String gameId, long stake, int[] stops, List<List<String>> window, List<LineWin> lineWins,
                int scatterCount, long scatterWin, long totalWin) {
        this.gameId = gameId;
        this.stake = stake;
        this.stops = stops.clone();
        this.window = window;
        this.lineWins = List.copyOf(lineWins);
        this.scatterCount = scatterCount;
        this.scatterWin = scatterWin;
        this.totalWin = totalWin;
    }

    public String gameId() {
        return gameId;
    }

    /** Total stake of the spin. */
    public long stake() {
        return stake;
    }

    /** Stop position of each reel, left to right: the strip index shown in the top row. */
    public int[] stops() {
        return stops.clone();
    }

    /** The visible symbols: {@code window().get(row).get(reel)}, row 0 at the top. */
    public List<List<String>> window() {
        return window;
    }

    public String symbolAt(int row, int reel) {
        return window.get(row).get(reel);
    }

    /** Winning paylines in line order; empty when no line pays. */
    public List<LineWin> lineWins() {
        return lineWins;
    }

    /** Scatter symbols visible anywhere in the window. */
    public int scatterCount() {
        return scatterCount;
    }

    /** Scatter pay: multiplier for {@link #scatterCount()} × total stake. */
    public long scatterWin() {
        return scatterWin;
    }

    /** Σ line wins + scatter win. */
    public long totalWin() {
        return totalWin;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SlotOutcome that && gameId.equals(that.gameId) && stake == that.stake
                && Arrays.equals(stops, that.stops) && window.equals(that.window) && lineWins.equals(that.lineWins)
                && scatterCount == that.scatterCount && scatterWin == that.scatterWin && totalWin == that.totalWin;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * gameId.hashCode() + Arrays.hashCode(stops)) + Long.hashCode(stake);
    }

    @Override
    public String toString() {
        return "SlotOutcome[" + gameId + " stake=" + stake + " stops=" + Arrays.toString(stops) + " window=" + window
                + " lineWins=" + lineWins + " scatters=" + scatterCount + " scatterWin=" + scatterWin + " totalWin="
                + totalWin + "]";
    }
}
