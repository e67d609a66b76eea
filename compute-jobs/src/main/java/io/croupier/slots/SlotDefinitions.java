package io.croupier.slots;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.croupier.check.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads slot game definitions from JSON, one game per file named {@code <id>.json}. Every definition is fully
 * validated on load (see {@link SlotDefinition}); a bad file fails with a message naming the file and the problem.
 * The published RTP is read as written, not recomputed; a test recomputes it for the shipped games.
 *
 * <p>Format:
 * <pre>{@code
 * {
 *   "id": "classic-fruits", "name": "Classic Fruits", "rows": 3,
 *   "symbols": [ {"name": "CHERRY", "kind": "LINE"}, {"name": "WILD", "kind": "WILD"}, {"name": "STAR", "kind": "SCATTER"} ],
 *   "reels": [ ["CHERRY", "WILD", ...], ... 5 strips ... ],
 *   "paytable": { "CHERRY": [5, 20, 100], "WILD": [50, 200, 1000] },      multipliers of the line stake for 3, 4, 5
 *   "scatterPays": { "3": 2, "4": 10, "5": 50 },                          multipliers of the total stake
 *   "lines": [ [1, 1, 1, 1, 1], [0, 0, 0, 0, 0], ... ],                    row per reel, 0 = top
 *   "stakeMin": 10, "stakeMax": 10000, "stakeStep": 10,                   minor units of the total stake
 *   "publishedRtp": "0.961234567"
 * }
 * }</pre>
 */
public final class SlotDefinitions {
    /** Largest definition file read, in bytes; a game is a few kilobytes. */
    static final int FILE_BYTES_MAX = 1 << 20;
    private static final String SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SlotDefinitions() {
    }

    /** One definition file; its id must equal the file name without {@code .json}. */
    public static SlotDefinition load(Path file) {
        String fileName = file.getFileName().toString();
        byte[] bytes;
        try {
            Check.argument(Files.size(file) <= FILE_BYTES_MAX, file + ": larger than " + FILE_BYTES_MAX + " bytes");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read slot definition " + file, e);
        }
        SlotDefinition definition = parse(bytes, file.toString());
        Check.argument(fileName.equals(definition.id() + SUFFIX), file + ": id " + definition.id()
                + " does not match the file name (expected " + definition.id() + SUFFIX + ")");
        return definition;
    }

    /** Every {@code *.json} file of a directory, by game id (sorted). */
    public static Map<String, SlotDefinition> loadDirectory(Path directory) {
        Map<String, SlotDefinition> byId = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                SlotDefinition definition = load(file);
                byId.put(definition.id(), definition);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list slot definitions in " + directory, e);
        }
        return Collections.unmodifiableMap(byId);
    }

    /** A definition from a stream (e.g. a classpath resource); {@code source} names it in error messages. */
    public static SlotDefinition load(InputStream in, String source) {
        try {
            byte[] bytes = in.readNBytes(FILE_BYTES_MAX + 1);
            Check.argument(bytes.length <= FILE_BYTES_MAX, source + ": larger than " + FILE_BYTES_MAX + " bytes");
            return parse(bytes, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read slot definition " + source, e);
        }
    }

    /** A definition from a classpath resource such as {@code "/slots/classic-fruits.json"}. */
    public static SlotDefinition loadResource(String resource) {
        try (InputStream in = SlotDefinitions.class.getResourceAsStream(resource)) {
            Check.argument(in != null, "no classpath resource " + resource);
            return load(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read slot definition " + resource, e);
        }
    }

    static SlotDefinition parse(String json) {
        return parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "<string>");
    }

    private static SlotDefinition parse(byte[] bytes, String source) {
        DefinitionFile file;
        try {
            file = JSON.readValue(bytes, DefinitionFile.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": malformed slot definition: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read slot definition " + source, e);
        }
        try {
            return file.toDefinition();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** The file as written; fields left out are null and reported by name. */
    record DefinitionFile(String id, String name, Integer rows, List<List<String>> reels, List<SymbolEntry> symbols,
                          Map<String, List<Long>> paytable, Map<Integer, Long> scatterPays,
                          List<List<Integer>> lines, Long stakeMin, Long stakeMax, Long stakeStep,
                          String publishedRtp) {

        SlotDefinition toDefinition() {
            require(id, "id");
            require(name, "name");
            require(rows, "rows");
            require(reels, "reels");
            require(symbols, "symbols");
            require(paytable, "paytable");
            require(lines, "lines");
            require(stakeMin, "stakeMin");
            require(stakeMax, "stakeMax");
            require(stakeStep, "stakeStep");
            Check.argument(rows == SlotDefinition.ROWS, "rows must be " + SlotDefinition.ROWS + ", got " + rows);
            List<SlotSymbol> declared = new ArrayList<>();
            for (SymbolEntry entry : symbols) {
                Check.argument(entry != null, "symbols: null entry");
                declared.add(new SlotSymbol(entry.name(), kindOf(entry)));
            }
            BigDecimal rtp = null;
            if (publishedRtp != null) {
                try {
                    rtp = new BigDecimal(publishedRtp);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("publishedRtp is not a decimal number: " + publishedRtp);
                }
            }
            return new SlotDefinition(id, name, declared, reels, paytable, scatterPays, lines, stakeMin, stakeMax,
                    stakeStep, rtp);
        }

        private static SymbolKind kindOf(SymbolEntry entry) {
            Check.argument(entry.kind() != null, "symbol " + entry.name() + " has no kind (LINE, WILD or SCATTER)");
            try {
                return SymbolKind.valueOf(entry.kind());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("symbol " + entry.name() + " has unknown kind " + entry.kind()
                        + " (expected LINE, WILD or SCATTER)");
            }
        }

        private static void require(Object value, String field) {
            Check.argument(value != null, "missing field " + field);
        }
    }

    record SymbolEntry(String name, String kind) {
    }
}
