package io.croupier.app.ws;

import io.croupier.app.grid.GridEvents;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket side of the edge as the HTTP listener needs it: the Tyrus container with the endpoints deployed,
 * started and stopped with the listener. Starting subscribes to the grid's events and begins pinging.
 */
public final class WsEndpoints {
    private final EdgeContainer container;
    private final List<ServerEndpointConfig> configs;
    private final Connections connections;
    private final Push push;
    private final GridEvents events;
    private final ScheduledExecutorService housekeeping;
    private final long pingPeriodMs;
    private final long idleTimeoutNanos;
    private ScheduledFuture<?> pings;

    WsEndpoints(EdgeContainer container, List<ServerEndpointConfig> configs, Connections connections, Push push,
                GridEvents events, ScheduledExecutorService housekeeping, long pingPeriodMs, long idleTimeoutMs) {
        this.container = container;
        this.configs = configs;
        this.connections = connections;
        this.push = push;
        this.events = events;
        this.housekeeping = housekeeping;
        this.pingPeriodMs = pingPeriodMs;
        this.idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMs);
    }

    public EdgeContainer container() {
        return container;
    }

    /** Deploys the endpoints (call before the listener accepts connections). */
    public synchronized void start(int port) throws DeploymentException, java.io.IOException {
        events.start(push);
        for (ServerEndpointConfig c : configs) {
            container.addEndpoint(c);
        }
        container.start("/", port);
        pings = housekeeping.scheduleAtFixedRate(() -> sweep(System.nanoTime()), pingPeriodMs, pingPeriodMs,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Every ping period: a connection that has sent nothing, not even a pong, for the idle timeout is closed (1001,
     * as Jetty does), every other one is pinged, so a live client always has something to answer. A silent client
     * is closed between one idle timeout and one ping period later.
     */
    void sweep(long nowNanos) {
        for (Connection c : connections.all()) {
            if (c.silentFor(nowNanos, idleTimeoutNanos)) {
                c.close(CloseReason.CloseCodes.GOING_AWAY, "idle timeout");
            } else {
                c.ping();
            }
        }
    }

    /** Closes every connection with 1001 (going away): clients reconnect, to this server or another. */
    public synchronized void stop() {
        if (pings != null) {
            pings.cancel(false);
        }
        for (Connection c : connections.all()) {
            c.close(CloseReason.CloseCodes.GOING_AWAY, "server shutting down");
        }
        container.stop();
    }
}
