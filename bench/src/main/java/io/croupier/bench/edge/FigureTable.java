package io.croupier.bench.edge;

import java.util.List;
import java.util.Locale;

/** The benchmark's summary: every figure next to its target and PASS/FAIL ("" for a figure without a target). */
final class FigureTable {
    private FigureTable() {
    }

    record Figure(String name, String measured, String target, String status) {
        static Figure info(String name, String measured) {
            return new Figure(name, measured, "", "");
        }

        static Figure target(String name, String measured, String target, boolean met) {
            return new Figure(name, measured, target, met ? "PASS" : "FAIL");
        }
    }

    /** A Markdown table (readable as text too), so it can go into docs/BENCHMARKS.md as printed. */
    static String markdown(List<Figure> figures) {
        StringBuilder out = new StringBuilder("| figure | measured | target | status |\n|---|---:|---|---|\n");
        for (Figure f : figures) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", f.name(), f.measured(),
                    f.target().isEmpty() ? "—" : f.target(), f.status().isEmpty() ? "—" : "**" + f.status() + "**"));
        }
        return out.toString();
    }

    static String ms(double micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1L << 30));
    }
}
