package io.croupier.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One report of the analysts' library: a {@code .sql} file whose header comment states the question, the parameters
 * and the expected cost. Parameters are declared in the header, one per line
 * ({@code --   name  TYPE  default  description}), and written {@code :name} in the query; they are bound as JDBC
 * parameters, never pasted into the text.
 */
public record SqlReport(String name, String question, List<Parameter> parameters, String sql, List<String> bindOrder) {
    private static final Pattern PARAMETER_LINE =
            Pattern.compile("^--\\s{2,}(\\w+)\\s+(TIMESTAMP|LONG|DECIMAL|TEXT)\\s+(\\S+)\\s+(.+)$");
    /** {@code :name} not preceded by a word character or a colon (so {@code 'HH:00'} is left alone). */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![\\w:]):(\\w+)");

    public enum Type { TIMESTAMP, LONG, DECIMAL, TEXT }

    public record Parameter(String name, Type type, String defaultValue, String description) {
        /** Checks and converts a value given on the command line; the message names the parameter. */
        Object parse(String text) {
            try {
                return switch (type) {
                    case LONG -> Long.parseLong(text.trim());
                    case DECIMAL -> new BigDecimal(text.trim());
                    case TEXT -> text;
                    case TIMESTAMP -> Timestamp.from(instant(text.trim()));
                };
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("parameter " + name + " (" + type + "): cannot read '" + text + "'");
            }
        }

        /** 2026-11-29 (midnight UTC), 2026-11-29T10:00 or 2026-11-29 10:00:00 (UTC), or with an offset/Z. */
        private static Instant instant(String text) {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = text.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        }
    }

    public static SqlReport load(Path file, String name) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report " + file, e);
        }
        String question = null;
        boolean inQuestion = false;
        List<Parameter> parameters = new ArrayList<>();
        StringBuilder query = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            Matcher p = PARAMETER_LINE.matcher(trimmed);
            if (p.matches()) {
                parameters.add(new Parameter(p.group(1), Type.valueOf(p.group(2)), p.group(3), p.group(4)));
            } else if (trimmed.startsWith("-- Question:")) {
                question = trimmed.substring("-- Question:".length()).strip();
                inQuestion = true;
                continue;
            } else if (inQuestion && trimmed.startsWith("--   ")) {
                question += " " + trimmed.substring(2).strip();
                continue;
            } else if (!trimmed.startsWith("--")) {
                query.append(line).append('\n');
            }
            inQuestion = false;
        }
        if (question == null) {
            throw new IllegalArgumentException("report " + file + " has no '-- Question:' header line");
        }
        Map<String, Parameter> byName = new LinkedHashMap<>();
        parameters.forEach(p -> byName.put(p.name(), p));
        List<String> bindOrder = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(query);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            if (!byName.containsKey(m.group(1))) {
                throw new IllegalArgumentException("report " + file + " uses :" + m.group(1) + ", not declared in its header");
            }
            bindOrder.add(m.group(1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        return new SqlReport(name, question, List.copyOf(parameters), sql.toString().strip(), List.copyOf(bindOrder));
    }

    /** Binds the defaults overridden by {@code given}; an unknown name is refused with the list of known ones. */
    public void bind(PreparedStatement statement, Map<String, String> given) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            values.put(p.name(), p.parse(given.getOrDefault(p.name(), p.defaultValue())));
        }
        for (String key : given.keySet()) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("report " + name + " has no parameter " + key + "; it takes "
                        + (parameters.isEmpty() ? "none" : parameters.stream().map(Parameter::name).toList()));
            }
        }
        for (int i = 0; i < bindOrder.size(); i++) {
            statement.setObject(i + 1, values.get(bindOrder.get(i)));
        }
    }

    String describe() {
        StringBuilder sb = new StringBuilder(name).append(": ").append(question).append('\n');
        for (Parameter p : parameters) {
            sb.append(String.format(Locale.ROOT, "    --param %s=%s  (%s; default %s)%n", p.name(),
                    p.type().name().toLowerCase(Locale.ROOT), p.description(), p.defaultValue()));
        }
        return sb.toString();
    }
}
