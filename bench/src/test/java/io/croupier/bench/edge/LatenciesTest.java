package io.croupier.bench.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void rowsGivePercentilesInMillisecondsAndRateOverTheWindow() {
        Latencies l = new Latencies();
        for (int i = 1; i <= 1000; i++) {
            l.record("slot.spin", i * 10L); // 10 µs .. 10 ms
        }
        l.error("slot.spin", "INSUFFICIENT_FUNDS");
        l.error("slot.spin", "INSUFFICIENT_FUNDS");
        l.error("table.bet", "ROUND_CLOSED");
        List<Latencies.Row> rows = l.rows(10, n -> true);
        assertThat(rows).hasSize(1);
        Latencies.Row spin = rows.get(0);
        assertThat(spin.count()).isEqualTo(1000);
        assertThat(spin.perSecond()).isEqualTo(100.0);
        assertThat(spin.errors()).isEqualTo(2);
        assertThat(spin.p50Ms()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(spin.p99Ms()).isCloseTo(9.9, org.assertj.core.data.Offset.offset(0.01));
        assertThat(spin.maxMs()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(l.errors()).containsExactly(java.util.Map.entry("slot.spin INSUFFICIENT_FUNDS", 2L),
                java.util.Map.entry("table.bet ROUND_CLOSED", 1L));
    }

    @Test
    void rowsAreSortedByNameAndFiltered() {
        Latencies l = new Latencies();
        l.record("wallet.deposit", 100);
        l.record("push balance", 1000);
        l.record("register", 100);
        assertThat(l.rows(1, n -> !n.startsWith("push ")).stream().map(Latencies.Row::name))
                .containsExactly("register", "wallet.deposit");
    }

    @Test
    void tableAlignsEveryColumnUnderItsHeader() {
        String table = Latencies.table("request", List.of(
                new Latencies.Row("slot.spin", 12_345, 411.5, 3, 1.5, 2.25, 9.875, 20, 31.5),
                new Latencies.Row("register", 50, 1.7, 0, 13.8, 414, 481.79, 481.79, 481.79)));
        String[] lines = table.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("request  ").contains("count", "per s", "errors", "p99.9 ms");
        assertThat(lines[1]).startsWith("slot.spin").contains("12,345", "412", "1.50", "9.88", "31.50");
        assertThat(lines[1]).hasSize(lines[0].length());
        assertThat(lines[2]).hasSize(lines[0].length());
        assertThat(lines[0].indexOf("max ms") + "max ms".length()).isEqualTo(lines[1].length());
    }
}
