package io.croupier.slots;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small slot definitions for tests, built as the JSON a game designer would write. */
final class TestGames {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<List<Integer>> FIVE_LINES = List.of(
            List.of(1, 1, 1, 1, 1), List.of(0, 0, 0, 0, 0), List.of(2, 2, 2, 2, 2),
            List.of(0, 1, 2, 1, 0), List.of(2, 1, 0, 1, 2));

    private TestGames() {
    }

    /** A tiny game (5·6·7·5·6 = 6,300 combinations) as a mutable JSON tree, for editing in validation tests. */
    static Map<String, Object> smallTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("id", "small");
        tree.put("name", "Small test game");
        tree.put("rows", 3);
        tree.put("symbols", new ArrayList<>(List.of(symbol("A", "LINE"), symbol("B", "LINE"), symbol("C", "LINE"),
                symbol("W", "WILD"), symbol("S", "SCATTER"))));
        tree.put("reels", new ArrayList<>(List.of(
                new ArrayList<>(List.of("A", "W", "B", "S", "C")),
                new ArrayList<>(List.of("B", "A", "W", "C", "S", "A")),
                new ArrayList<>(List.of("A", "B", "W", "S", "C", "A", "B")),
                new ArrayList<>(List.of("C", "W", "A", "S", "B")),
                new ArrayList<>(List.of("A", "S", "B", "W", "C", "B")))));
        Map<String, Object> paytable = new LinkedHashMap<>();
        paytable.put("A", List.of(5, 20, 100));
        paytable.put("B", List.of(3, 10, 50));
        paytable.put("C", List.of(2, 5, 25));
        paytable.put("W", List.of(10, 50, 500));
        tree.put("paytable", paytable);
        tree.put("scatterPays", new LinkedHashMap<>(Map.of("3", 2, "4", 10, "5", 50)));
        tree.put("lines", new ArrayList<>(FIVE_LINES));
        tree.put("stakeMin", 5);
        tree.put("stakeMax", 500);
        tree.put("stakeStep", 5);
        return tree;
    }

    static SlotDefinition small() {
        return fromTree(smallTree());
    }

    static String json(Map<String, Object> tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static SlotDefinition fromTree(Map<String, Object> tree) {
        return SlotDefinitions.parse(json(tree));
    }

    /**
     * A game whose stop 0 on every reel shows {@code window} (rows of reels), with symbols A, B, C (LINE), W (WILD)
     * and S (SCATTER), the five test lines, and pays A 5/20/100, B 3/10/50, C 2/5/25, W as given (null: no entry),
     * scatters 2/10/50 × stake. Stake 5..500 in steps of 5, so the line stake is stake / 5.
     */
    static SlotDefinition showing(String[][] window, List<Integer> wildPays) {
        Map<String, Object> tree = smallTree();
        List<List<String>> reels = new ArrayList<>();
        for (int reel = 0; reel < SlotDefinition.REELS; reel++) {
            List<String> strip = new ArrayList<>();
            boolean scatterShown = false;
            for (int row = 0; row < SlotDefinition.ROWS; row++) {
                strip.add(window[row][reel]);
                scatterShown |= window[row][reel].equals("S");
            }
            strip.addAll(List.of("A", "B", "C", "W", "A", "B", "C"));
            if (!scatterShown) {
                strip.add(5, "S");
            }
            reels.add(strip);
        }
        tree.put("reels", reels);
        @SuppressWarnings("unchecked")
        Map<String, Object> paytable = (Map<String, Object>) tree.get("paytable");
        if (wildPays == null) {
            paytable.remove("W");
        } else {
            paytable.put("W", wildPays);
        }
        return fromTree(tree);
    }

    /** A random small game for comparing the RTP enumeration with brute force; scatter and wild pay are optional. */
    static SlotDefinition random(long seed) {
        Random random = new Random(seed);
        String[] lineSymbols = {"A", "B", "C", "D"};
        boolean withScatter = random.nextBoolean();
        boolean withWildPay = random.nextBoolean();
        Map<String, Object> tree = smallTree();
        List<Object> symbols = new ArrayList<>();
        for (String name : lineSymbols) {
            symbols.add(symbol(name, "LINE"));
        }
        symbols.add(symbol("W", "WILD"));
        if (withScatter) {
            symbols.add(symbol("S", "SCATTER"));
        } else {
            tree.remove("scatterPays");
        }
        tree.put("symbols", symbols);
        List<List<String>> reels = new ArrayList<>();
        for (int reel = 0; reel < SlotDefinition.REELS; reel++) {
            int length = 5 + random.nextInt(3);
            List<String> strip = new ArrayList<>();
            for (int position = 0; position < length; position++) {
                // Bias toward A and W so that long runs and pure-wild lines occur often.
                int pick = random.nextInt(7);
                strip.add(pick < 4 ? lineSymbols[pick] : pick < 6 ? "A" : "W");
            }
            // Every symbol must appear somewhere; one scatter per strip keeps windows to one scatter each.
            strip.set(reel % 4, lineSymbols[reel % 4]);
            if (reel == 4) {
                strip.set(2, "W");
            }
            if (withScatter && random.nextInt(4) != 0) {
                strip.set(length - 1, "S");
            }
            reels.add(strip);
        }
        if (withScatter && reels.stream().noneMatch(strip -> strip.contains("S"))) {
            reels.get(0).set(reels.get(0).size() - 1, "S");
        }
        tree.put("reels", reels);
        Map<String, Object> paytable = new LinkedHashMap<>();
        for (String name : lineSymbols) {
            int three = random.nextInt(6);
            int four = three + random.nextInt(20);
            int five = four + random.nextInt(100);
            paytable.put(name, List.of(three, four, five));
        }
        if (withWildPay) {
            int three = random.nextInt(30);
            paytable.put("W", List.of(three, three + random.nextInt(50), three + 50 + random.nextInt(500)));
        }
        tree.put("paytable", paytable);
        if (withScatter) {
            tree.put("scatterPays", Map.of("3", random.nextInt(4), "4", random.nextInt(20), "5", random.nextInt(100)));
        }
        List<List<Integer>> lines = new ArrayList<>();
        for (int line = 0; line < 3 + random.nextInt(6); line++) {
            List<Integer> rows = new ArrayList<>();
            for (int reel = 0; reel < SlotDefinition.REELS; reel++) {
                rows.add(random.nextInt(SlotDefinition.ROWS));
            }
            if (!lines.contains(rows)) {
                lines.add(rows);
            }
        }
        tree.put("lines", lines);
        tree.put("stakeMin", lines.size());
        tree.put("stakeMax", lines.size() * 100);
        tree.put("stakeStep", lines.size());
        return fromTree(tree);
    }

    static Map<String, Object> symbol(String name, String kind) {
        Map<String, Object> symbol = new LinkedHashMap<>();
        symbol.put("name", name);
        symbol.put("kind", kind);
        return symbol;
    }
}
