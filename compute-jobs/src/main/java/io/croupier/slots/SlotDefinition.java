package io.croupier.slots;

import io.croupier.check.Check;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, validated slot game: 5 reel strips shown through a 3-row window, its symbols, paytable, scatter
 * pays, paylines and stake limits. Built by {@link SlotDefinitions}; every rule below is checked at construction, so
 * an instance that exists is playable.
 *
 * <p>Rules checked: 3 rows and 5 reels; each strip has {@value #STRIP_LENGTH_MIN}..{@value #STRIP_LENGTH_MAX}
 * symbols, all declared; every declared symbol appears on some strip; at most one WILD and one SCATTER; a SCATTER
 * appears at most once in any 3-row window of a strip (so at most 5 are visible); every LINE symbol has a paytable
 * entry of 3 non-negative, non-decreasing multipliers (for 3, 4, 5 of a kind), a WILD may have one, a SCATTER may
 * not; scatter pays exist for counts 3, 4, 5 exactly when there is a SCATTER; paylines have 5 row indexes in 0..2
 * and are distinct; the stake step is a multiple of the number of lines (so the line stake is a whole number of
 * minor units), and the minimum and maximum stakes are positive multiples of the step.
 */
public final class SlotDefinition {
    /** Rows visible on each reel. */
    public static final int ROWS = 3;
    /** Reels of a game. */
    public static final int REELS = 5;
    static final int STRIP_LENGTH_MIN = ROWS;
    static final int STRIP_LENGTH_MAX = 1_000;
    static final int LINES_MAX = 100;
    static final int NO_SYMBOL = -1;

    private final String id;
    private final String name;
    private final List<SlotSymbol> symbols;
    private final List<List<String>> reels;
    private final Map<String, List<Long>> paytable;
    private final Map<Integer, Long> scatterPays;
    private final List<List<Integer>> lines;
    private final long stakeMin;
    private final long stakeMax;
    private final long stakeStep;
    private final BigDecimal publishedRtp;

    // Compiled form used by the engine and the RTP calculator; never exposed.
    final String[] symbolNames;
    final SymbolKind[] kinds;
    final int[][] strips;
    /** linePay[symbol][count]: multiplier of the line stake for a run of {@code count} (0 for count < 3). */
    final long[][] linePay;
    /** scatterPay[count]: multiplier of the total stake for {@code count} scatters in the window (0..5). */
    final long[] scatterPay;
    final int[][] lineRows;
    final int wild;
    final int scatter;

    SlotDefinition(String id, String name, List<SlotSymbol> symbols, List<List<String>> reels,
                   Map<String, List<Long>> paytable, Map<Integer, Long> scatterPays, List<List<Integer>> lines,
                   long stakeMin, long stakeMax, long stakeStep, BigDecimal publishedRtp) {
        Check.argument(id != null && id.matches("[a-z0-9][a-z0-9-]{0,63}"),
                "id must be 1..64 characters of a-z, 0-9 and '-', got " + id);
        Check.argument(name != null && !name.isBlank(), "name must not be blank");
        this.id = id;
        this.name = name;

        // Symbols.
        Check.argument(symbols != null && !symbols.isEmpty(), "symbols must not be empty");
        Map<String, Integer> index = new HashMap<>();
        symbolNames = new String[symbols.size()];
        kinds = new SymbolKind[symbols.size()];
        int wildIndex = NO_SYMBOL;
        int scatterIndex = NO_SYMBOL;
        for (int i = 0; i < symbols.size(); i++) {
            SlotSymbol symbol = symbols.get(i);
            Check.argument(symbol != null && symbol.name() != null && !symbol.name().isBlank(),
                    "symbol " + i + " has no name");
            Check.argument(symbol.kind() != null, "symbol " + symbol.name() + " has no kind (LINE, WILD or SCATTER)");
            Check.argument(index.putIfAbsent(symbol.name(), i) == null, "symbol " + symbol.name() + " is declared twice");
            symbolNames[i] = symbol.name();
            kinds[i] = symbol.kind();
            if (symbol.kind() == SymbolKind.WILD) {
                if (wildIndex != NO_SYMBOL) {
                    throw new IllegalArgumentException("at most one WILD symbol is supported, found "
                            + symbolNames[wildIndex] + " and " + symbol.name());
                }
                wildIndex = i;
            } else if (symbol.kind() == SymbolKind.SCATTER) {
                if (scatterIndex != NO_SYMBOL) {
                    throw new IllegalArgumentException("at most one SCATTER symbol is supported, found "
                            + symbolNames[scatterIndex] + " and " + symbol.name());
                }
                scatterIndex = i;
            }
        }
        wild = wildIndex;
        scatter = scatterIndex;
        this.symbols = List.copyOf(symbols);

        // Reel strips.
        Check.argument(reels != null && reels.size() == REELS,
                "reels must list exactly " + REELS + " strips, got " + (reels == null ? 0 : reels.size()));
        strips = new int[REELS][];
        Set<String> used = new HashSet<>();
        List<List<String>> reelsCopy = new ArrayList<>();
        for (int reel = 0; reel < REELS; reel++) {
            List<String> strip = reels.get(reel);
            Check.argument(strip != null && !strip.isEmpty(), "reel " + reel + " has an empty strip");
            Check.argument(strip.size() >= STRIP_LENGTH_MIN && strip.size() <= STRIP_LENGTH_MAX, "reel " + reel
                    + " strip length " + strip.size() + " is outside " + STRIP_LENGTH_MIN + ".." + STRIP_LENGTH_MAX);
            strips[reel] = new int[strip.size()];
            for (int position = 0; position < strip.size(); position++) {
                Integer symbol = index.get(strip.get(position));
                Check.argument(symbol != null, "reel " + reel + " position " + position + ": unknown symbol "
                        + strip.get(position));
                strips[reel][position] = symbol;
                used.add(strip.get(position));
            }
            if (scatter != NO_SYMBOL) {
                checkOneScatterPerWindow(reel, strips[reel]);
            }
            reelsCopy.add(List.copyOf(strip));
        }
        this.reels = List.copyOf(reelsCopy);
        for (String symbol : symbolNames) {
            Check.argument(used.contains(symbol), "symbol " + symbol + " is declared but appears on no reel");
        }

        // Paytable.
        Check.argument(paytable != null, "paytable is missing");
        linePay = new long[symbolNames.length][REELS + 1];
        Map<String, List<Long>> paytableCopy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> entry : paytable.entrySet()) {
            Integer symbol = index.get(entry.getKey());
            Check.argument(symbol != null, "paytable: unknown symbol " + entry.getKey());
            Check.argument(kinds[symbol] != SymbolKind.SCATTER, "paytable: SCATTER symbol " + entry.getKey()
                    + " pays through scatterPays, not the paytable");
            List<Long> pays = entry.getValue();
            Check.argument(pays != null && pays.size() == 3, "paytable: " + entry.getKey()
                    + " needs exactly 3 multipliers (for 3, 4, 5 of a kind)");
            long previous = 0;
            for (int k = 0; k < 3; k++) {
                Long pay = pays.get(k);
                Check.argument(pay != null && pay >= 0, "paytable: " + entry.getKey() + " has a missing or negative pay");
                Check.argument(pay >= previous, "paytable: " + entry.getKey() + " pays must not decrease with count");
                linePay[symbol][3 + k] = pay;
                previous = pay;
            }
            paytableCopy.put(entry.getKey(), List.copyOf(pays));
        }
        for (int symbol = 0; symbol < symbolNames.length; symbol++) {
            Check.argument(kinds[symbol] != SymbolKind.LINE || paytable.containsKey(symbolNames[symbol]),
                    "paytable: missing pays for LINE symbol " + symbolNames[symbol]);
        }
        this.paytable = Collections.unmodifiableMap(paytableCopy);

        // Scatter pays.
        scatterPay = new long[REELS + 1];
        Map<Integer, Long> scatterCopy = new LinkedHashMap<>();
        if (scatter == NO_SYMBOL) {
            Check.argument(scatterPays == null || scatterPays.isEmpty(),
                    "scatterPays given but no symbol is of kind SCATTER");
        } else {
            Check.argument(scatterPays != null, "scatterPays missing for SCATTER symbol " + symbolNames[scatter]);
            for (int count = 3; count <= REELS; count++) {
                Long pay = scatterPays.get(count);
                Check.argument(pay != null && pay >= 0, "scatterPays: missing or negative pay for " + count + " scatters");
                scatterPay[count] = pay;
                scatterCopy.put(count, pay);
            }
            for (Integer count : scatterPays.keySet()) {
                Check.argument(count != null && count >= 3 && count <= REELS,
                        "scatterPays: count " + count + " is outside 3..5");
            }
        }
        this.scatterPays = Collections.unmodifiableMap(scatterCopy);

        // Paylines.
        Check.argument(lines != null && !lines.isEmpty() && lines.size() <= LINES_MAX,
                "lines must list 1.." + LINES_MAX + " paylines");
        lineRows = new int[lines.size()][REELS];
        Set<List<Integer>> distinct = new HashSet<>();
        for (int line = 0; line < lines.size(); line++) {
            List<Integer> rows = lines.get(line);
            Check.argument(rows != null && rows.size() == REELS, "line " + line + " must have " + REELS + " row indexes");
            for (int reel = 0; reel < REELS; reel++) {
                Integer row = rows.get(reel);
                Check.argument(row != null && row >= 0 && row < ROWS, "line " + line + " reel " + reel + ": row "
                        + row + " is out of range 0.." + (ROWS - 1));
                lineRows[line][reel] = row;
            }
            Check.argument(distinct.add(List.copyOf(rows)), "line " + line + " repeats an earlier line " + rows);
        }
        this.lines = copyLines(lines);

        // Stakes.
        Check.argument(stakeStep > 0 && stakeStep % lines.size() == 0, "stakeStep " + stakeStep
                + " must be a positive multiple of the number of lines (" + lines.size() + ")");
        Check.argument(stakeMin > 0 && stakeMin % stakeStep == 0, "stakeMin " + stakeMin
                + " must be a positive multiple of stakeStep " + stakeStep);
        Check.argument(stakeMax >= stakeMin && stakeMax % stakeStep == 0, "stakeMax " + stakeMax
                + " must be >= stakeMin and a multiple of stakeStep " + stakeStep);
        this.stakeMin = stakeMin;
        this.stakeMax = stakeMax;
        this.stakeStep = stakeStep;

        Check.argument(publishedRtp == null || (publishedRtp.signum() > 0 && publishedRtp.compareTo(BigDecimal.ONE) < 0),
                "publishedRtp must lie in (0, 1), got " + publishedRtp);
        this.publishedRtp = publishedRtp;
    }

    private void checkOneScatterPerWindow(int reel, int[] strip) {
        for (int stop = 0; stop < strip.length; stop++) {
            int seen = 0;
            for (int row = 0; row < ROWS; row++) {
                if (strip[(stop + row) % strip.length] == scatter) {
                    seen++;
                }
            }
            Check.argument(seen <= 1, "reel " + reel + ": " + symbolNames[scatter]
                    + " appears more than once in the window at stop " + stop + "; space scatters at least "
                    + ROWS + " apart");
        }
    }

    private static List<List<Integer>> copyLines(List<List<Integer>> lines) {
        List<List<Integer>> copy = new ArrayList<>();
        for (List<Integer> line : lines) {
            copy.add(List.copyOf(line));
        }
        return List.copyOf(copy);
    }

    /** Whether a total stake may be played: within [stakeMin, stakeMax] and a multiple of stakeStep. */
    public boolean allowsStake(long stake) {
        return stake >= stakeMin && stake <= stakeMax && stake % stakeStep == 0;
    }

    /**
     * The line stake for a total stake, after checking the stake is allowed: within [stakeMin, stakeMax] and a
     * multiple of stakeStep.
     */
    public long lineStake(long stake) {
        if (!allowsStake(stake)) {
            throw new IllegalArgumentException("stake " + stake + " is not allowed: it must lie in " + stakeMin + ".."
                    + stakeMax + " and be a multiple of " + stakeStep);
        }
        return stake / lineRows.length;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<SlotSymbol> symbols() {
        return symbols;
    }

    /** The reel strips, left to right, each as symbol names from position 0. */
    public List<List<String>> reels() {
        return reels;
    }

    /** LINE (and optionally WILD) symbol → multipliers of the line stake for 3, 4, 5 of a kind. */
    public Map<String, List<Long>> paytable() {
        return paytable;
    }

    /** Scatter count (3, 4, 5) → multiplier of the total stake; empty when the game has no scatter. */
    public Map<Integer, Long> scatterPays() {
        return scatterPays;
    }

    /** Paylines, each the row index (0 = top) on reels 0..4. */
    public List<List<Integer>> lines() {
        return lines;
    }

    public int lineCount() {
        return lineRows.length;
    }

    /** Smallest total stake in minor units. */
    public long stakeMin() {
        return stakeMin;
    }

    /** Largest total stake in minor units. */
    public long stakeMax() {
        return stakeMax;
    }

    /** Total stakes are multiples of this, in minor units; itself a multiple of the line count. */
    public long stakeStep() {
        return stakeStep;
    }

    /** The return to player stated in the definition file (computed offline by {@link RtpCalculator}). */
    public Optional<BigDecimal> publishedRtp() {
        return Optional.ofNullable(publishedRtp);
    }

    /** Number of reel stop combinations: the product of the strip lengths. */
    public long combinations() {
        long combinations = 1;
        for (int[] strip : strips) {
            combinations = Math.multiplyExact(combinations, strip.length);
        }
        return combinations;
    }

    @Override
    public String toString() {
        return "SlotDefinition[" + id + "]";
    }
}
