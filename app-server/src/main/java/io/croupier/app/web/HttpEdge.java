package io.croupier.app.web;

import io.croupier.app.ws.WsEndpoints;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.spi.ServerContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The edge's one listener: a Grizzly HTTP server carrying the HTTP routes ({@link Router}) and Tyrus's WebSocket
 * endpoints on the same port. Starts after every other bean (the grid is up) and stops first: open WebSockets are
 * closed with 1001 so clients reconnect elsewhere.
 */
@Component
@EnableConfigurationProperties(HttpProperties.class)
public class HttpEdge implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(HttpEdge.class);
    private static final String LISTENER = "croupier";

    private final HttpProperties properties;
    private final Router router;
    private final WsEndpoints webSockets;
    private volatile HttpServer server;

    HttpEdge(HttpProperties properties, Router router, WsEndpoints webSockets, MeterRegistry meters) {
        this.properties = properties;
        this.router = router;
        this.webSockets = webSockets;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener(LISTENER, properties.host(), properties.port());
        TCPNIOTransport transport = listener.getTransport();
        transport.setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName("croupier-edge")
                .setCorePoolSize(properties.threads())
                .setMaxPoolSize(properties.threads())
                .setQueueLimit(properties.queueRequestsMax()));
        transport.setServerConnectionBackLog(properties.acceptBacklogConnections());
        listener.registerAddOn(webSocketAddOn(webSockets.container()));
        http.addListener(listener);
        http.getServerConfiguration().addHttpHandler(router, "/");
        http.getServerConfiguration().setDefaultErrorPageGenerator((request, status, reasonPhrase, description,
                                                                     exception) -> "");
        try {
            http.start();
            webSockets.start(listener.getPort());
        } catch (IOException | jakarta.websocket.DeploymentException e) {
            http.shutdownNow();
            throw new IllegalStateException("Cannot listen on " + properties.host() + ":" + properties.port()
                    + " (set croupier.app.http.port / croupier.app.http.host): " + e.getMessage(), e);
        }
        server = http;
        log.info("Edge listening on http://{}:{}/ (WebSocket at /ws; {} worker threads)", properties.host(), port(),
                properties.threads());
    }

    /**
     * Tyrus's Grizzly add-on (the filter that upgrades a request to a WebSocket) has a package-private constructor;
     * it is the documented way Tyrus plugs into a Grizzly listener, so it is made here once. A Tyrus version that
     * changes it fails start-up with this message rather than serving no WebSockets.
     */
    private static AddOn webSocketAddOn(ServerContainer container) {
        try {
            Class<?> type = Class.forName("org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn");
            Constructor<?> constructor = type.getDeclaredConstructor(ServerContainer.class, String.class);
            constructor.setAccessible(true);
            return (AddOn) constructor.newInstance(container, "");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Tyrus's Grizzly WebSocketAddOn is not usable in this Tyrus version", e);
        }
    }

    @Override
    public synchronized void stop() {
        HttpServer http = server;
        if (http == null) {
            return;
        }
        webSockets.stop();
        try {
            http.shutdown(properties.stopGraceSeconds(), TimeUnit.SECONDS).get(properties.stopGraceSeconds() + 1L,
                    TimeUnit.SECONDS);
        } catch (Exception e) {
            http.shutdownNow();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        server = null;
        log.info("Edge stopped");
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port actually bound (differs from the configured one when that is 0); -1 when not running. */
    public int port() {
        HttpServer http = server;
        return http == null ? -1 : http.getListener(LISTENER).getPort();
    }
}
