package io.croupier.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.Test;

class PrometheusExporterTest {

    @Test
    void metricNamesBecomePrometheusSnakeCase() {
        assertThat(PrometheusExporter.prometheusName("cache.wallet.CacheGets")).isEqualTo("ignite_cache_wallet_cache_gets");
        assertThat(PrometheusExporter.prometheusName("io.dataregion.default.TotalAllocatedSize"))
                .isEqualTo("ignite_io_dataregion_default_total_allocated_size");
        assertThat(PrometheusExporter.prometheusName("threadPools.StripedExecutor.Active-1"))
                .isEqualTo("ignite_thread_pools_striped_executor_active_1");
    }

    @Test
    void aServerNodeServesItsIgniteMetricsForPrometheus() throws Exception {
        try (TestGrid grid = new TestGrid(Map.of("croupier.metrics.port", "25900", "croupier.metrics.portRange", "9"))) {
            Ignite node = grid.startServer();
            node.cache(io.croupier.schema.CacheSchema.WALLET).get(1L);
            PrometheusExporter exporter = (PrometheusExporter) node.configuration().getMetricExporterSpi()[0];

            HttpResponse<String> scrape = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.boundPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValue(PrometheusExporter.CONTENT_TYPE);
            assertThat(scrape.body()).contains("# TYPE ignite_cache_wallet_cache_gets gauge")
                    .containsPattern("(?m)^ignite_cache_wallet_cache_size \\d+$")
                    .contains("ignite_io_dataregion_default_");
        }
    }
}
