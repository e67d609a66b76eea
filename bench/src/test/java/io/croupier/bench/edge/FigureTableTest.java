package io.croupier.bench.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureTableTest {

    @Test
    void everyFigureStandsNextToItsTargetAndVerdict() {
        String table = FigureTable.markdown(List.of(
                FigureTable.Figure.info("echo round trips/s", FigureTable.count(28311.4)),
                FigureTable.Figure.target("spins/s ÷ echo", "7.3 %", "≥ 50 %", false),
                FigureTable.Figure.target("heap", FigureTable.gib(0.5 * (1L << 30)), "≤ 1.5 GiB", true)));
        assertThat(table.split("\n")).containsExactly(
                "| figure | measured | target | status |",
                "|---|---:|---|---|",
                "| echo round trips/s | 28,311 | — | — |",
                "| spins/s ÷ echo | 7.3 % | ≥ 50 % | **FAIL** |",
                "| heap | 0.50 GiB | ≤ 1.5 GiB | **PASS** |");
    }

    @Test
    void millisecondsFromMicrosecondsWithTwoDecimals() {
        assertThat(FigureTable.ms(9_875)).isEqualTo("9.88");
        assertThat(FigureTable.ms(120)).isEqualTo("0.12");
    }
}
