package io.croupier.slots;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Computes a game's exact return to player, hit frequency, variance and top win by enumerating every reel stop
 * combination, each weighted equally as the fair draw makes them.
 *
 * <p>The enumeration is exact but avoids visiting every combination one by one:
 * <ol>
 * <li>stops of a reel that show the same 3 symbols are merged into one window with a multiplicity;</li>
 * <li>reels are walked left to right keeping, per payline, the run so far (leading wilds, the symbol they stand
 * for, the run length). Once every line's run has ended, the line pays are settled, and the remaining reels only
 * change the scatter count, so they are summed at once from the precomputed distribution of scatter counts over
 * the remaining reels;</li>
 * <li>the windows of the first reel are shared out over the cores.</li>
 * </ol>
 * The pays follow {@link SlotEngine}'s rules; a test checks the result equals a plain enumeration through
 * {@link SlotEngine#evaluate}.
 */
public final class RtpCalculator {
    private RtpCalculator() {
    }

    public static RtpReport calculate(SlotDefinition definition) {
        Reel[] reels = new Reel[SlotDefinition.REELS];
        for (int reel = 0; reel < SlotDefinition.REELS; reel++) {
            reels[reel] = Reel.of(definition, reel);
        }
        // scattersAfter[r][c]: combinations of reels r..4 (stops, not windows) showing c scatters.
        long[][] scattersAfter = new long[SlotDefinition.REELS + 1][SlotDefinition.REELS + 1];
        scattersAfter[SlotDefinition.REELS][0] = 1;
        for (int reel = SlotDefinition.REELS - 1; reel >= 0; reel--) {
            for (int w = 0; w < reels[reel].weights.length; w++) {
                int own = reels[reel].scatters[w];
                for (int c = 0; c + own <= SlotDefinition.REELS; c++) {
                    scattersAfter[reel][c + own] = Math.addExact(scattersAfter[reel][c + own],
                            Math.multiplyExact(reels[reel].weights[w], scattersAfter[reel + 1][c]));
                }
            }
        }
        Totals totals = IntStream.range(0, reels[0].weights.length).parallel()
                .mapToObj(first -> new Walk(definition, reels, scattersAfter).fromFirstReel(first))
                .reduce(Totals::plus).orElseThrow();
        return new RtpReport(definition.id(), definition.combinations(), definition.lineCount(), totals.sumWin,
                totals.sumSquaredWin, totals.winning, totals.maxWin);
    }

    /** The distinct windows of one reel with how many stops show each. */
    private record Reel(int[][] windows, long[] weights, int[] scatters) {
        static Reel of(SlotDefinition definition, int reel) {
            int[] strip = definition.strips[reel];
            Map<List<Integer>, Long> counts = new LinkedHashMap<>();
            for (int stop = 0; stop < strip.length; stop++) {
                List<Integer> window = new ArrayList<>(SlotDefinition.ROWS);
                for (int row = 0; row < SlotDefinition.ROWS; row++) {
                    window.add(strip[(stop + row) % strip.length]);
                }
                counts.merge(window, 1L, Long::sum);
            }
            int[][] windows = new int[counts.size()][];
            long[] weights = new long[counts.size()];
            int[] scatters = new int[counts.size()];
            int i = 0;
            for (Map.Entry<List<Integer>, Long> entry : counts.entrySet()) {
                windows[i] = entry.getKey().stream().mapToInt(Integer::intValue).toArray();
                weights[i] = entry.getValue();
                scatters[i] = (int) entry.getKey().stream().filter(symbol -> symbol == definition.scatter).count();
                i++;
            }
            return new Reel(windows, weights, scatters);
        }
    }

    /** Sums over a set of combinations, in line stakes. */
    private record Totals(BigInteger sumWin, BigInteger sumSquaredWin, long winning, long maxWin) {
        Totals plus(Totals other) {
            return new Totals(sumWin.add(other.sumWin), sumSquaredWin.add(other.sumSquaredWin),
                    Math.addExact(winning, other.winning), Math.max(maxWin, other.maxWin));
        }
    }

    /** One depth-first walk from a window of the first reel; not thread-safe, one per task. */
    private static final class Walk {
        private final SlotDefinition definition;
        private final Reel[] reels;
        private final long[][] scattersAfter;
        private final int lines;
        private final int wild;
        // Per depth (reel) and line: leading wilds, the symbol they stand for (or NO_SYMBOL), the run length.
        private final int[][] wilds;
        private final int[][] target;
        private final int[][] run;

        private BigInteger sumWin = BigInteger.ZERO;
        private BigInteger sumSquaredWin = BigInteger.ZERO;
        // Partial sums kept in longs between flushes; a flush per second-reel window keeps them far from overflow.
        private long partialWin;
        private long partialSquaredWin;
        private long winning;
        private long maxWin;

        Walk(SlotDefinition definition, Reel[] reels, long[][] scattersAfter) {
            this.definition = definition;
            this.reels = reels;
            this.scattersAfter = scattersAfter;
            this.lines = definition.lineRows.length;
            this.wild = definition.wild;
            this.wilds = new int[SlotDefinition.REELS][lines];
            this.target = new int[SlotDefinition.REELS][lines];
            this.run = new int[SlotDefinition.REELS][lines];
        }

        Totals fromFirstReel(int window) {
            visit(0, window, 1, 0);
            flush();
            return new Totals(sumWin, sumSquaredWin, winning, maxWin);
        }

        private void visit(int reel, int window, long weight, int scattersBefore) {
            long combinations = Math.multiplyExact(weight, reels[reel].weights[window]);
            int scatters = scattersBefore + reels[reel].scatters[window];
            int[] symbols = reels[reel].windows[window];
            int alive = advance(reel, symbols);
            if (alive == 0 || reel == SlotDefinition.REELS - 1) {
                settle(reel, combinations, scatters);
            } else {
                Reel next = reels[reel + 1];
                for (int w = 0; w < next.weights.length; w++) {
                    visit(reel + 1, w, combinations, scatters);
                }
            }
            if (reel == 1) {
                flush();
            }
        }

        /** Extends every line's run by this reel's symbol; returns how many runs may still grow. */
        private int advance(int reel, int[] symbols) {
            int alive = 0;
            int[] wildsNow = wilds[reel];
            int[] targetNow = target[reel];
            int[] runNow = run[reel];
            for (int line = 0; line < lines; line++) {
                int symbol = symbols[definition.lineRows[line][reel]];
                int wildsBefore = reel == 0 ? 0 : wilds[reel - 1][line];
                int targetBefore = reel == 0 ? SlotDefinition.NO_SYMBOL : target[reel - 1][line];
                int runBefore = reel == 0 ? 0 : run[reel - 1][line];
                if (wildsBefore == reel && targetBefore == SlotDefinition.NO_SYMBOL) {
                    // Only wilds so far.
                    if (symbol == wild) {
                        wildsNow[line] = reel + 1;
                        targetNow[line] = SlotDefinition.NO_SYMBOL;
                        runNow[line] = reel + 1;
                        alive++;
                        continue;
                    }
                    wildsNow[line] = reel;
                    if (definition.kinds[symbol] == SymbolKind.LINE) {
                        targetNow[line] = symbol;
                        runNow[line] = reel + 1;
                        alive++;
                    } else {
                        targetNow[line] = SlotDefinition.NO_SYMBOL;
                        runNow[line] = 0;
                    }
                } else {
                    wildsNow[line] = wildsBefore;
                    targetNow[line] = targetBefore;
                    if (targetBefore != SlotDefinition.NO_SYMBOL && runBefore == reel
                            && (symbol == targetBefore || symbol == wild)) {
                        runNow[line] = reel + 1;
                        alive++;
                    } else {
                        runNow[line] = runBefore;
                    }
                }
            }
            return alive;
        }

        /** All line pays are now fixed: add every completion of the remaining reels, grouped by scatter count. */
        private void settle(int reel, long combinations, int scatters) {
            long linePays = 0;
            for (int line = 0; line < lines; line++) {
                long wildPay = wild == SlotDefinition.NO_SYMBOL ? 0 : definition.linePay[wild][wilds[reel][line]];
                int symbol = target[reel][line];
                long symbolPay = symbol == SlotDefinition.NO_SYMBOL ? 0 : definition.linePay[symbol][run[reel][line]];
                linePays = Math.addExact(linePays, Math.max(wildPay, symbolPay));
            }
            long[] rest = scattersAfter[reel + 1];
            for (int more = 0; scatters + more <= SlotDefinition.REELS; more++) {
                if (rest[more] == 0) {
                    continue;
                }
                long count = Math.multiplyExact(combinations, rest[more]);
                long win = Math.addExact(linePays,
                        Math.multiplyExact(definition.scatterPay[scatters + more], (long) lines));
                partialWin = Math.addExact(partialWin, Math.multiplyExact(count, win));
                partialSquaredWin = Math.addExact(partialSquaredWin,
                        Math.multiplyExact(count, Math.multiplyExact(win, win)));
                if (win > 0) {
                    winning = Math.addExact(winning, count);
                }
                maxWin = Math.max(maxWin, win);
            }
        }

        private void flush() {
            sumWin = sumWin.add(BigInteger.valueOf(partialWin));
            sumSquaredWin = sumSquaredWin.add(BigInteger.valueOf(partialSquaredWin));
            partialWin = 0;
            partialSquaredWin = 0;
        }
    }
}
