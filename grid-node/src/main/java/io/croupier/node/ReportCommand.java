package io.croupier.node;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one report of the analysts' library ({@code sql/reports/NAME.sql}, or {@code sql/NAME.sql} such as
 * {@code audit/ledger_zero_sum}) over the thin JDBC driver, exactly as an analyst's SQL tool would, and prints the
 * result as an aligned table or CSV. The query runs in the grid's SQL query pool, not in the money pipeline.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Run a report of sql/reports (or sql/audit) over JDBC; without NAME, list them.")
final class ReportCommand implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Report name, e.g. revenue_by_game_day or audit/ledger_zero_sum.")
    String name;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A report parameter (repeatable); the header of the .sql file lists them with their defaults. Timestamps are UTC: 2026-11-29, 2026-11-29T10:00 or with Z/offset.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--csv", description = "Print CSV (RFC 4180) instead of an aligned table.")
    boolean csv;

    @Option(names = "--url", defaultValue = "jdbc:ignite:thin://127.0.0.1:10800", description = "Thin JDBC URL of any grid node (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--sql-dir", defaultValue = "sql", description = "The report library (default: ${DEFAULT-VALUE}).")
    Path sqlDirectory;

    @Option(names = "--rows-max", defaultValue = "100000", description = "Refuse a result larger than this many rows (default: ${DEFAULT-VALUE}).")
    int rowsMax;

    @Option(names = "--timeout-s", defaultValue = "300", description = "Cancel the query after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            for (SqlReport report : all()) {
                out.print(report.describe());
            }
            out.flush();
            return 0;
        }
        try {
            SqlReport report = SqlReport.load(file(name), name);
            ResultTable table = run(report);
            out.print(csv ? table.csv() : table.aligned());
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            return CroupierCli.error(spec, e.getMessage(), EXIT_BAD_INPUT);
        } catch (SQLException | IllegalStateException e) {
            return CroupierCli.error(spec, "report " + name + " failed: " + e.getMessage(), 1);
        }
    }

    private ResultTable run(SqlReport report) throws SQLException {
        try (Connection jdbc = DriverManager.getConnection(url);
             PreparedStatement statement = jdbc.prepareStatement(report.sql())) {
            report.bind(statement, parameters);
            statement.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = statement.executeQuery()) {
                return ResultTable.read(rs, rowsMax);
            }
        }
    }

    private Path file(String reportName) {
        if (!reportName.matches("[A-Za-z0-9_]+(/[A-Za-z0-9_]+)?")) {
            throw new IllegalArgumentException("report names are letters, digits and _ (optionally folder/name): " + reportName);
        }
        for (Path candidate : List.of(sqlDirectory.resolve("reports").resolve(reportName + ".sql"),
                sqlDirectory.resolve(reportName + ".sql"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no report " + reportName + " in " + sqlDirectory.resolve("reports")
                + " (run `report` without a name for the list)");
    }

    /** Every report of the library: sql/reports first, then the audit queries. */
    List<SqlReport> all() throws IOException {
        List<SqlReport> reports = new java.util.ArrayList<>();
        for (String folder : List.of("reports", "audit")) {
            Path dir = sqlDirectory.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                    String base = f.getFileName().toString().replaceFirst("\\.sql$", "");
                    reports.add(SqlReport.load(f, folder.equals("reports") ? base : folder + "/" + base));
                }
            }
        }
        return reports;
    }
}
