package io.croupier.node;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** A query result as text: an aligned table for people, or CSV (RFC 4180) for spreadsheets and scripts. */
record ResultTable(List<String> columns, List<Boolean> numeric, List<List<String>> rows) {
    static final String EMPTY = "No activity";

    static ResultTable read(ResultSet rs, int rowsMax) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            columns.add(meta.getColumnLabel(c));
            numeric.add(false);
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            if (rows.size() == rowsMax) {
                throw new IllegalStateException("more than " + rowsMax + " rows: narrow the period or raise --rows-max");
            }
            List<String> row = new ArrayList<>();
            for (int c = 1; c <= columns.size(); c++) {
                Object value = rs.getObject(c);
                if (value instanceof Number) {
                    numeric.set(c - 1, true);
                }
                row.add(text(value));
            }
            rows.add(row);
        }
        return new ResultTable(columns, numeric, rows);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.scale() > 0 ? d.stripTrailingZeros().toPlainString() : d.toPlainString();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        return value.toString();
    }

    String aligned() {
        if (rows.isEmpty()) {
            return EMPTY + "\n";
        }
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, columns, widths);
        for (int c = 0; c < widths.length; c++) {
            sb.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        sb.append('\n');
        rows.forEach(row -> line(sb, row, widths));
        sb.append(rows.size()).append(rows.size() == 1 ? " row\n" : " rows\n");
        return sb.toString();
    }

    private void line(StringBuilder sb, List<String> cells, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            sb.append(c == 0 ? "" : "  ").append(numeric.get(c) ? pad + cell : cell + (c == widths.length - 1 ? "" : pad));
        }
        sb.append('\n');
    }

    String csv() {
        if (rows.isEmpty()) {
            return EMPTY + "\n";
        }
        StringBuilder sb = new StringBuilder();
        csvLine(sb, columns);
        rows.forEach(row -> csvLine(sb, row));
        return sb.toString();
    }

    private static void csvLine(StringBuilder sb, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            sb.append(c == 0 ? "" : ",").append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        sb.append("\r\n");
    }
}
