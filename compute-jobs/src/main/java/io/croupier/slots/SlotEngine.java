package io.croupier.slots;

import io.croupier.check.Check;
import io.croupier.fair.FairRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plays a spin of a {@link SlotDefinition}.
 *
 * <h2>Fairness contract</h2>
 * A spin draws exactly {@value SlotDefinition#REELS} numbers from the round's {@link FairRandom}, one per reel, left
 * to right: {@code stop[i] = random.nextInt(length of strip i)}. Nothing else is drawn and nothing else (balance,
 * history, stake) influences the stops. Row {@code r} of reel {@code i} then shows
 * {@code strip[i][(stop[i] + r) % length]}, row 0 at the top. Given the revealed server seed, the client seed and
 * the nonce, anyone can recompute the stops with the same HMAC-SHA256 stream and re-evaluate the window with
 * {@link #evaluate(SlotDefinition, int[], long)}; the outcome is a pure function of (definition, stops, stake).
 *
 * <h2>Pays</h2>
 * Each payline is read left to right. Leading wilds take the identity of the first non-wild symbol; the run is the
 * longest prefix of that symbol and wilds, and it pays the symbol's multiplier for 3, 4 or 5. A run of wilds alone
 * pays the WILD's own entry (if the paytable has one); when both readings pay, the higher pays (the line symbol on a
 * tie). A scatter ends a run. Line wins are multipliers of the line stake (total stake / number of lines); 3, 4 or 5
 * scatters anywhere in the window pay a multiplier of the total stake. All sums use exact {@code long} arithmetic.
 */
public final class SlotEngine {
    private SlotEngine() {
    }

    /** Draws the 5 stops (see the fairness contract) and evaluates them. */
    public static SlotOutcome spin(SlotDefinition definition, FairRandom random, long stake) {
        definition.lineStake(stake);
        int[] stops = new int[SlotDefinition.REELS];
        for (int reel = 0; reel < SlotDefinition.REELS; reel++) {
            stops[reel] = random.nextInt(definition.strips[reel].length);
        }
        return evaluate(definition, stops, stake);
    }

    /** The outcome of given stops: a pure function, used by {@link #spin} and by anyone verifying a round. */
    public static SlotOutcome evaluate(SlotDefinition definition, int[] stops, long stake) {
        long lineStake = definition.lineStake(stake);
        Check.argument(stops != null && stops.length == SlotDefinition.REELS,
                "stops must have " + SlotDefinition.REELS + " entries");
        int[][] window = new int[SlotDefinition.ROWS][SlotDefinition.REELS];
        for (int reel = 0; reel < SlotDefinition.REELS; reel++) {
            int[] strip = definition.strips[reel];
            if (stops[reel] < 0 || stops[reel] >= strip.length) {
                throw new IllegalArgumentException("stop " + stops[reel] + " of reel " + reel + " is outside 0.."
                        + (strip.length - 1));
            }
            for (int row = 0; row < SlotDefinition.ROWS; row++) {
                window[row][reel] = strip[(stops[reel] + row) % strip.length];
            }
        }

        List<LineWin> lineWins = new ArrayList<>();
        long totalWin = 0;
        int[] lineSymbols = new int[SlotDefinition.REELS];
        for (int line = 0; line < definition.lineRows.length; line++) {
            for (int reel = 0; reel < SlotDefinition.REELS; reel++) {
                lineSymbols[reel] = window[definition.lineRows[line][reel]][reel];
            }
            LineWin win = lineWin(definition, line, lineSymbols, lineStake);
            if (win != null) {
                lineWins.add(win);
                totalWin = Math.addExact(totalWin, win.amount());
            }
        }

        int scatterCount = 0;
        if (definition.scatter != SlotDefinition.NO_SYMBOL) {
            for (int[] row : window) {
                for (int symbol : row) {
                    if (symbol == definition.scatter) {
                        scatterCount++;
                    }
                }
            }
        }
        long scatterWin = Math.multiplyExact(definition.scatterPay[scatterCount], stake);
        totalWin = Math.addExact(totalWin, scatterWin);
        return new SlotOutcome(definition.id(), stake, stops, names(definition, window), lineWins, scatterCount,
                scatterWin, totalWin);
    }

    /** The pay of one line, or null; reads only as far as the run goes. */
    static LineWin lineWin(SlotDefinition definition, int line, int[] symbols, long lineStake) {
        int wild = definition.wild;
        int wilds = 0;
        while (wilds < SlotDefinition.REELS && symbols[wilds] == wild) {
            wilds++;
        }
        long wildPay = wild == SlotDefinition.NO_SYMBOL ? 0 : definition.linePay[wild][wilds];

        long symbolPay = 0;
        int target = SlotDefinition.NO_SYMBOL;
        int run = 0;
        if (wilds < SlotDefinition.REELS && definition.kinds[symbols[wilds]] == SymbolKind.LINE) {
            target = symbols[wilds];
            run = wilds + 1;
            while (run < SlotDefinition.REELS && (symbols[run] == target || symbols[run] == wild)) {
                run++;
            }
            symbolPay = definition.linePay[target][run];
        }

        if (symbolPay > 0 && symbolPay >= wildPay) {
            return new LineWin(line, definition.symbolNames[target], run, symbolPay,
                    Math.multiplyExact(symbolPay, lineStake));
        }
        if (wildPay > 0) {
            return new LineWin(line, definition.symbolNames[wild], wilds, wildPay,
                    Math.multiplyExact(wildPay, lineStake));
        }
        return null;
    }

    private static List<List<String>> names(SlotDefinition definition, int[][] window) {
        List<List<String>> rows = new ArrayList<>(window.length);
        for (int[] row : window) {
            rows.add(List.of(Arrays.stream(row).mapToObj(symbol -> definition.symbolNames[symbol])
                    .toArray(String[]::new)));
        }
        return List.copyOf(rows);
    }
}
