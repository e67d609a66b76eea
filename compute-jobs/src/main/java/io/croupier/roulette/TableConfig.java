package io.croupier.roulette;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.croupier.check.Check;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A table as configured in {@code config/roulette-tables.json}. Validated on load: a node refuses to start with an
 * impossible table rather than run it.
 */
public record TableConfig(String id, String name, String currency, long bettingWindowMs, TableLimits limits,
                          boolean open) implements Serializable {
    /** Table ids go into idempotency keys and topic names: short, lowercase, no separators of ours. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,23}");
    public static final long BETTING_WINDOW_MS_MIN = 200;
    public static final long BETTING_WINDOW_MS_MAX = 300_000;

    public TableConfig {
        Check.argument(id != null && ID.matcher(id).matches(), "table id must match " + ID + ": " + id);
        Check.argument(name != null && !name.isBlank(), "table " + id + ": name missing");
        Check.argument(currency != null && currency.length() == 3, "table " + id + ": currency must be ISO 4217");
        Check.argument(bettingWindowMs >= BETTING_WINDOW_MS_MIN && bettingWindowMs <= BETTING_WINDOW_MS_MAX,
                "table " + id + ": bettingWindowMs must be in " + BETTING_WINDOW_MS_MIN + ".." + BETTING_WINDOW_MS_MAX);
        Check.argument(limits != null, "table " + id + ": limits missing");
    }

    public static List<TableConfig> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            JsonNode root = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(file.toFile());
            List<TableConfig> tables = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode t : root.path("tables")) {
                TableConfig c = new TableConfig(text(t, "id"), text(t, "name"), text(t, "currency"),
                        number(t, "bettingWindowMs"),
                        new TableLimits(number(t, "minStake"), number(t, "maxStraightStake"),
                                number(t, "maxOutsideStake"), number(t, "maxTotalStake"),
                                (int) number(t, "maxBetsPerRequest")),
                        !t.has("open") || t.get("open").asBoolean());
                Check.argument(ids.add(c.id()), file + ": table " + c.id() + " defined twice");
                tables.add(c);
            }
            return List.copyOf(tables);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tables from " + file, e);
        }
    }

    private static String text(JsonNode t, String field) {
        Check.argument(t.hasNonNull(field) && t.get(field).isTextual(), "table field '" + field + "' missing: " + t);
        return t.get(field).asText();
    }

    private static long number(JsonNode t, String field) {
        Check.argument(t.hasNonNull(field) && t.get(field).canConvertToLong(), "table field '" + field
                + "' must be an integer: " + t);
        return t.get(field).asLong();
    }
}
