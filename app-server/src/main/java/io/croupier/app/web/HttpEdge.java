package io.croupier.app.web;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The HTTP listener: the JDK's {@link HttpServer} (no servlet container) on a fixed pool with a bounded queue.
 * Starts after every other bean (the grid is up, the demo player seeded or being seeded) and stops first.
 */
@Component
@EnableConfigurationProperties(HttpProperties.class)
public class HttpEdge implements SmartLifecycle {
    /** JDK HttpServer limits (JVM-wide, read once): a client gets this long to send its request, in seconds... */
    private static final String REQUEST_READ_SECONDS_MAX = "10";
    /** ...and to read the response, in seconds. Without them a slow client holds a handler thread for ever. */
    private static final String RESPONSE_WRITE_SECONDS_MAX = "30";

    private static final Logger log = LoggerFactory.getLogger(HttpEdge.class);

    private final HttpProperties properties;
    private final Router router;
    private final Counter rejected;
    private volatile HttpServer server;
    private volatile ThreadPoolExecutor executor;

    HttpEdge(HttpProperties properties, Router router, MeterRegistry meters) {
        this.properties = properties;
        this.router = router;
        this.rejected = Counter.builder("croupier.http.rejected")
                .description("Requests refused because every handler thread was busy and the queue was full")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", REQUEST_READ_SECONDS_MAX);
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", RESPONSE_WRITE_SECONDS_MAX);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(properties.queueRequestsMax()), threads(),
                (task, full) -> {
                    rejected.increment();
                    // The JDK server closes the connection on rejection: the client sees it, the dispatcher never blocks.
                    throw new RejectedExecutionException("HTTP queue full");
                });
        InetSocketAddress address = new InetSocketAddress(properties.host(), properties.port());
        HttpServer http;
        try {
            http = HttpServer.create(address, properties.acceptBacklogConnections());
        } catch (IOException e) {
            pool.shutdownNow();
            throw new UncheckedIOException("Cannot listen on " + properties.host() + ":" + properties.port()
                    + " (set croupier.app.http.port / croupier.app.http.host): " + e.getMessage(), e);
        }
        http.createContext("/", router);
        http.setExecutor(pool);
        http.start();
        executor = pool;
        server = http;
        log.info("HTTP edge listening on http://{}:{}/ ({} threads, queue {})", properties.host(), port(),
                properties.threads(), properties.queueRequestsMax());
    }

    @Override
    public synchronized void stop() {
        HttpServer http = server;
        if (http == null) {
            return;
        }
        http.stop(properties.stopGraceSeconds());
        executor.shutdown();
        try {
            if (!executor.awaitTermination(properties.stopGraceSeconds() + 1L, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        server = null;
        executor = null;
        log.info("HTTP edge stopped");
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port actually bound (differs from the configured one when that is 0); -1 when not running. */
    public int port() {
        HttpServer http = server;
        return http == null ? -1 : http.getAddress().getPort();
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, "croupier-http-" + count.incrementAndGet());
    }
}
