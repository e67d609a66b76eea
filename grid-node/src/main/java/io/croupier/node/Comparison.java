package io.croupier.node;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a verifier compared: one item per published figure (a commitment, the stops, a win, a number), each MATCH or
 * MISMATCH between the value recomputed from the seeds and the value the player was shown. Items the caller has no
 * expectation for are left out, so a bare recomputation compares nothing and passes.
 */
final class Comparison {
    /** Exit code when every item matches (or nothing was compared). */
    static final int EXIT_MATCH = 0;
    /** Exit code when at least one item differs. */
    static final int EXIT_MISMATCH = 1;
    /** Exit code when the seed is not revealed yet, so the round cannot be recomputed. */
    static final int EXIT_SEED_IN_PLAY = 2;
    /** Exit code of a request that cannot be checked: bad input, unknown game, round or table. */
    static final int EXIT_INVALID = 3;

    record Item(String name, String recomputed, String expected) {
        boolean matches() {
            return recomputed.equals(expected);
        }
    }

    private final List<Item> items = new ArrayList<>();

    /** Adds an item when {@code expected} is given; values are compared as written (normalise them first). */
    Comparison expect(String name, String recomputed, String expected) {
        if (expected != null) {
            items.add(new Item(name, recomputed, expected));
        }
        return this;
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    boolean matches() {
        return items.stream().allMatch(Item::matches);
    }

    int exitCode() {
        return matches() ? EXIT_MATCH : EXIT_MISMATCH;
    }

    void print(PrintWriter out) {
        if (items.isEmpty()) {
            out.println("verdict         nothing to compare (no expected values given)");
            out.flush();
            return;
        }
        for (Item item : items) {
            out.printf("%-9s %-18s %s%n", item.matches() ? "MATCH" : "MISMATCH", item.name(), item.matches()
                    ? item.recomputed() : "recomputed " + item.recomputed() + ", expected " + item.expected());
        }
        long differing = items.stream().filter(i -> !i.matches()).count();
        out.println(differing == 0 ? "verdict         MATCH (" + items.size() + " of " + items.size() + " items)"
                : "verdict         MISMATCH (" + differing + " of " + items.size() + " items differ)");
        out.flush();
    }
}
