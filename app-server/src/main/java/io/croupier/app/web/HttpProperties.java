package io.croupier.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP listener: web client, status page and API, metrics scrape, and the WebSocket endpoints on the same port.
 *
 * @param host                   address to bind; 0.0.0.0 listens on every interface
 * @param port                   TCP port; 0 takes any free port (tests)
 * @param threads                worker threads of the listener: HTTP requests and WebSocket frames (count); work that
 *                               waits on the grid runs elsewhere, so a few per core suffice
 * @param queueRequestsMax       I/O events (requests, frames) waiting for a worker; above it the listener refuses them
 * @param acceptBacklogConnections  connections the OS queues before accepting them (count)
 * @param stopGraceSeconds       on shutdown, requests in progress get this long to finish, in seconds
 */
@ConfigurationProperties("croupier.app.http")
record HttpProperties(
        @DefaultValue("0.0.0.0") String host,
        @DefaultValue("8080") int port,
        @DefaultValue("8") int threads,
        @DefaultValue("100000") int queueRequestsMax,
        @DefaultValue("1024") int acceptBacklogConnections,
        @DefaultValue("1") int stopGraceSeconds) {

    HttpProperties {
        require(host != null && !host.isBlank(), "host must not be blank");
        require(port >= 0 && port <= 65_535, "port must be in 0..65535, not " + port);
        require(threads >= 1 && threads <= 256, "threads must be in 1..256, not " + threads);
        require(queueRequestsMax >= 1 && queueRequestsMax <= 1_000_000,
                "queue-requests-max must be in 1..1000000, not " + queueRequestsMax);
        require(acceptBacklogConnections >= 1 && acceptBacklogConnections <= 65_535,
                "accept-backlog-connections must be in 1..65535, not " + acceptBacklogConnections);
        require(stopGraceSeconds >= 0 && stopGraceSeconds <= 60,
                "stop-grace-seconds must be in 0..60, not " + stopGraceSeconds);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("croupier.app.http." + message);
        }
    }
}
