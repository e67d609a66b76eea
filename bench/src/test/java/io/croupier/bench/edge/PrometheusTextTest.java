package io.croupier.bench.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final String SCRAPE = """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="ZHeap"} 1.5E8
            jvm_memory_used_bytes{area="heap",id="Other heap"} 5.0E7
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
            jvm_memory_used_bytes_extra{area="heap"} 1.0
            croupier_ws_connections 10000.0
            """;

    @Test
    void sumsEverySampleWithTheLabels() {
        assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes", Map.of("area", "heap"))).isEqualTo(2.0E8);
        assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes", Map.of())).isEqualTo(2.9E8);
    }

    @Test
    void readsAMetricWithoutLabelsAndNaNWhenAbsent() {
        assertThat(PrometheusText.sum(SCRAPE, "croupier_ws_connections", Map.of())).isEqualTo(10000.0);
        assertThat(PrometheusText.sum(SCRAPE, "croupier_ws_players", Map.of())).isNaN();
        assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes", Map.of("area", "direct"))).isNaN();
    }
}
