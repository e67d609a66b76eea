package io.croupier.bench.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.croupier.bench.edge.WindowUsage.Usage;
import org.junit.jupiter.api.Test;

class WindowUsageTest {

    @Test
    void cpuPerOperationAndCoresOverTheWindow() {
        Usage u = new Usage(10, 2.0, 0.5, 20, 0.2);
        assertThat(u.cpuPer("spin", 10_000))
                .isEqualTo("app server 200 µs, load generator 50 µs of CPU per spin (0.20 + 0.05 cores)");
        assertThat(u.cpuPer("spin", 0)).isEqualTo("no spin in the window");
    }

    @Test
    void pausesWithTheirMeanAndShareOfTheWindow() {
        assertThat(new Usage(10, 2.0, 0.5, 20, 0.2).pauses())
                .isEqualTo("20 pauses, 200 ms in all (mean 10.0 ms, 2.0 % of the window)");
        assertThat(new Usage(10, 2.0, 0.5, 0, 0).pauses())
                .isEqualTo("0 pauses, 0 ms in all (mean 0.0 ms, 0.0 % of the window)");
        assertThat(new Usage(10, 2.0, 0.5, Double.NaN, Double.NaN).pauses()).isEqualTo("not read");
    }
}
