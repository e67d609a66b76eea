package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema documented in sql/README.md ("Tables": every table, every column with its type, key, affinity column
 * and secondary indexes) is the live schema of a grid node, read from Ignite's system views. Docs cannot drift.
 */
class SqlSchemaDocTest {
    private static final Path README = Path.of("..", "sql", "README.md");
    private static final Map<String, String> SQL_TYPES = Map.of(
            "java.lang.Long", "BIGINT", "java.lang.Integer", "INT", "java.lang.String", "VARCHAR",
            "java.sql.Timestamp", "TIMESTAMP", "java.util.UUID", "UUID", "java.math.BigDecimal", "DECIMAL",
            "java.lang.Boolean", "BOOLEAN", "java.lang.Double", "DOUBLE");
    private static final Pattern HEADING = Pattern.compile("^### `(\\w+)`$");
    private static final Pattern COLUMN_ROW = Pattern.compile("^\\| `(\\w+)` \\| (\\w+) \\|");
    private static final Pattern NAME = Pattern.compile("`(\\w+)`");

    private static TestGrid grid;
    private static Ignite node;

    /** What the documentation or the live schema says about one table. */
    record Table(Map<String, String> columns, List<String> key, String affinity, Set<List<String>> indexes) {
    }

    @BeforeAll
    static void start() throws Exception {
        grid = TestGrid.inMemory();
        node = grid.startServer();
    }

    @AfterAll
    static void stop() throws Exception {
        grid.close();
    }

    @Test
    void everyDocumentedTableColumnKeyAndIndexIsTheLiveOneAndNothingIsUndocumented() throws Exception {
        Map<String, Table> documented = documented(Files.readString(README));
        Map<String, Table> live = live();
        assertThat(documented.keySet()).as("tables in sql/README.md").isEqualTo(live.keySet());
        live.forEach((name, table) -> {
            Table doc = documented.get(name);
            assertThat(doc.columns()).as("columns and types of %s", name).containsExactlyInAnyOrderEntriesOf(table.columns());
            assertThat(doc.key()).as("key of %s", name).containsExactlyInAnyOrderElementsOf(table.key());
            assertThat(doc.affinity()).as("affinity column of %s", name).isEqualTo(table.affinity());
            assertThat(doc.indexes()).as("secondary indexes of %s", name).isEqualTo(table.indexes());
        });
    }

    @Test
    void theParserReadsTheDocumentationItChecks() throws Exception {
        // A parser that read nothing would make the comparison above compare two empty maps.
        Table ledger = documented(Files.readString(README)).get("LEDGER");
        assertThat(ledger.columns()).containsEntry("AMOUNT", "BIGINT").containsEntry("TRANSFER_ID", "UUID");
        assertThat(ledger.key()).containsExactly("TRANSFER_ID", "POSTING", "PLAYER_ID");
        assertThat(ledger.affinity()).isEqualTo("PLAYER_ID");
        assertThat(ledger.indexes()).containsExactly(List.of("PLAYER_ID"));
    }

    static Map<String, Table> documented(String readme) {
        Map<String, Table> tables = new TreeMap<>();
        List<String> lines = readme.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = HEADING.matcher(lines.get(i));
            if (!heading.matches()) {
                continue;
            }
            StringBuilder prose = new StringBuilder();
            Map<String, String> columns = new LinkedHashMap<>();
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).startsWith("#"); j++) {
                Matcher row = COLUMN_ROW.matcher(lines.get(j));
                if (row.find()) {
                    columns.put(row.group(1), row.group(2));
                } else if (!lines.get(j).startsWith("|")) {
                    prose.append(lines.get(j)).append(' ');
                }
            }
            tables.put(heading.group(1), new Table(columns, names(between(prose, "Key:", "Affinity:")),
                    names(between(prose, "Affinity:", ".")).get(0), indexes(between(prose, "Indexes:", "."))));
            i = j - 1;
        }
        return tables;
    }

    private static String between(CharSequence text, String start, String end) {
        String s = text.toString();
        int from = s.indexOf(start);
        if (from < 0) {
            return "";
        }
        from += start.length();
        int to = s.indexOf(end, from);
        return s.substring(from, to < 0 ? s.length() : to);
    }

    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<List<String>> indexes(String text) {
        Set<List<String>> indexes = new TreeSet<>(SqlSchemaDocTest::compare);
        Matcher m = Pattern.compile("\\(([^)]*)\\)").matcher(text);
        while (m.find()) {
            indexes.add(names(m.group(1)));
        }
        return indexes;
    }

    private static Map<String, Table> live() {
        Map<String, Map<String, String>> columns = new TreeMap<>();
        Map<String, List<String>> keys = new TreeMap<>();
        for (List<?> r : MoneyTables.sql(node, "SELECT TABLE_NAME, COLUMN_NAME, TYPE, PK FROM SYS.TABLE_COLUMNS "
                + "WHERE SCHEMA_NAME = 'CROUPIER'")) {
            String table = (String) r.get(0);
            String column = (String) r.get(1);
            if (column.startsWith("_")) {
                continue; // _KEY, _VAL: Ignite's own
            }
            String type = SQL_TYPES.get((String) r.get(2));
            assertThat(type).as("SQL name of %s (%s.%s)", r.get(2), table, column).isNotNull();
            columns.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(column, type);
            if (Boolean.parseBoolean(String.valueOf(r.get(3)))) {
                keys.computeIfAbsent(table, t -> new ArrayList<>()).add(column);
            }
        }
        Map<String, Set<List<String>>> indexes = new TreeMap<>();
        for (List<?> r : MoneyTables.sql(node, "SELECT TABLE_NAME, INDEX_NAME, COLUMNS FROM SYS.INDEXES "
                + "WHERE SCHEMA_NAME = 'CROUPIER' AND IS_PK = FALSE")) {
            String indexName = (String) r.get(1);
            if (indexName.startsWith("_key_PK") || indexName.endsWith("_proxy") || indexName.equals("AFFINITY_KEY")) {
                continue; // the primary key, Ignite's copies of an index over a key alias, the affinity column's own
            }
            List<String> indexed = new ArrayList<>();
            for (String part : ((String) r.get(2)).split(",")) {
                String column = part.trim().replaceAll("\"", "").replaceFirst(" (ASC|DESC)$", "");
                if (column.equals("_KEY")) {
                    break; // Ignite appends the key (and affinity column) to make entries unique
                }
                indexed.add(column);
            }
            indexes.computeIfAbsent((String) r.get(0), t -> new TreeSet<>(SqlSchemaDocTest::compare)).add(indexed);
        }
        Map<String, Table> tables = new TreeMap<>();
        for (List<?> r : MoneyTables.sql(node, "SELECT TABLE_NAME, KEY_ALIAS, AFFINITY_KEY_COLUMN FROM SYS.TABLES "
                + "WHERE SCHEMA_NAME = 'CROUPIER'")) {
            String table = (String) r.get(0);
            String keyAlias = (String) r.get(1);
            String affinity = (String) r.get(2);
            List<String> key = keyAlias == null || keyAlias.isEmpty() ? keys.get(table) : List.of(keyAlias);
            tables.put(table, new Table(columns.get(table), key,
                    affinity == null || affinity.isEmpty() ? key.get(0) : affinity,
                    indexes.getOrDefault(table, new TreeSet<>(SqlSchemaDocTest::compare))));
        }
        return tables;
    }

    private static int compare(List<String> a, List<String> b) {
        return Arrays.compare(a.toArray(String[]::new), b.toArray(String[]::new));
    }
}
