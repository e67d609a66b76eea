package io.croupier.node;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.apache.ignite.spi.IgniteSpiAdapter;
import org.apache.ignite.spi.IgniteSpiException;
import org.apache.ignite.spi.IgniteSpiMultipleInstancesSupport;
import org.apache.ignite.spi.metric.BooleanMetric;
import org.apache.ignite.spi.metric.DoubleMetric;
import org.apache.ignite.spi.metric.IntMetric;
import org.apache.ignite.spi.metric.LongMetric;
import org.apache.ignite.spi.metric.Metric;
import org.apache.ignite.spi.metric.MetricExporterSpi;
import org.apache.ignite.spi.metric.ReadOnlyMetricManager;
import org.apache.ignite.spi.metric.ReadOnlyMetricRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ignite's own metrics (caches, data regions, transactions, thread pools, communication, ...) as a Prometheus scrape
 * endpoint, {@code http://host:port/metrics}, read live from the node's metric registries at each scrape. Numeric
 * and boolean metrics become gauges named {@code ignite_<registry>_<metric>} in snake case (e.g.
 * {@code ignite_cache_wallet_cache_gets}); histograms and text metrics are left out. No per-player series: registry
 * names are caches, regions and pools.
 *
 * <p>The port is the first free one of {@code port..port+range} (several nodes on one host); when none is free the
 * node runs without the endpoint and says so: metrics are not worth refusing to hold data.
 */
@IgniteSpiMultipleInstancesSupport(true)
final class PrometheusExporter extends IgniteSpiAdapter implements MetricExporterSpi {
    private static final Logger log = LoggerFactory.getLogger(PrometheusExporter.class);
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final String host;
    private final int port;
    private final int portRange;
    private volatile ReadOnlyMetricManager metrics;
    private volatile Predicate<ReadOnlyMetricRegistry> filter = r -> true;
    private volatile HttpServer server;

    PrometheusExporter(String host, int port, int portRange) {
        this.host = host;
        this.port = port;
        this.portRange = portRange;
    }

    @Override
    public void setMetricRegistry(ReadOnlyMetricManager registry) {
        this.metrics = registry;
    }

    @Override
    public void setExportFilter(Predicate<ReadOnlyMetricRegistry> filter) {
        this.filter = filter;
    }

    @Override
    public void spiStart(String igniteInstanceName) throws IgniteSpiException {
        for (int p = port; p <= port + portRange; p++) {
            try {
                HttpServer http = HttpServer.create(new InetSocketAddress(host, p), 16);
                http.createContext("/metrics", exchange -> {
                    byte[] body = scrape().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                http.setExecutor(Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "croupier-metrics-" + igniteInstanceName);
                    t.setDaemon(true);
                    return t;
                }));
                http.start();
                server = http;
                log.info("Ignite metrics for Prometheus at http://{}:{}/metrics", host, p);
                return;
            } catch (BindException busy) {
                // next port of the range
            } catch (IOException e) {
                throw new IgniteSpiException("Cannot open the metrics endpoint on " + host + ":" + p, e);
            }
        }
        log.warn("No free port in {}..{} for the metrics endpoint: this node runs without one "
                + "(croupier.metrics.port / croupier.metrics.portRange)", port, port + portRange);
    }

    @Override
    public void spiStop() throws IgniteSpiException {
        HttpServer http = server;
        server = null;
        if (http != null) {
            http.stop(0);
            ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
        }
    }

    /** The port actually bound; -1 when the endpoint is off. */
    int boundPort() {
        HttpServer http = server;
        return http == null ? -1 : http.getAddress().getPort();
    }

    /** The Prometheus text exposition of every exported registry. */
    String scrape() {
        StringBuilder out = new StringBuilder(64 * 1024);
        ReadOnlyMetricManager manager = metrics;
        if (manager == null) {
            return "";
        }
        for (ReadOnlyMetricRegistry registry : manager) {
            if (!filter.test(registry)) {
                continue;
            }
            for (Metric m : registry) {
                String value = valueOf(m);
                if (value == null) {
                    continue;
                }
                String name = prometheusName(m.name());
                if (m.description() != null && !m.description().isEmpty()) {
                    out.append("# HELP ").append(name).append(' ')
                            .append(m.description().replace('\\', ' ').replace('\n', ' ')).append('\n');
                }
                out.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value)
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String valueOf(Metric m) {
        if (m instanceof LongMetric l) {
            return Long.toString(l.value());
        }
        if (m instanceof IntMetric i) {
            return Integer.toString(i.value());
        }
        if (m instanceof DoubleMetric d) {
            double v = d.value();
            return Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "+Inf" : "-Inf") : Double.toString(v);
        }
        if (m instanceof BooleanMetric b) {
            return b.value() ? "1" : "0";
        }
        return null;
    }

    /** {@code cache.wallet.CacheGets} → {@code ignite_cache_wallet_cache_gets}; anything else becomes {@code _}. */
    static String prometheusName(String metricName) {
        String snake = metricName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return "ignite_" + snake.replaceAll("[^a-z0-9_]", "_").replaceAll("_+", "_");
    }
}
