package io.croupier.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Every HTTP request goes through here: one switch from path to a short handler. Only GET is served; an unknown path
 * is 404, another method 405. A failure is logged here and answered with a plain 500: never a stack trace.
 */
@Component
class Router implements HttpHandler {
    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json";
    /** The Prometheus text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final byte[] indexPage;
    private final StatusView status;
    private final PrometheusMeterRegistry prometheus;
    private final ObjectMapper json;

    Router(StatusView status, PrometheusMeterRegistry prometheus, ObjectMapper json) throws IOException {
        this.indexPage = new ClassPathResource("static/index.html").getContentAsByteArray();
        this.status = status;
        this.prometheus = prometheus;
        this.json = json;
    }

    /** The routes; the name tags the request metrics. */
    enum Route { INDEX, STATUS, METRICS }

    /** What goes back: status code, content type, body, and the Allow header of a 405 (else null). */
    record Response(int status, String contentType, byte[] body, String allow) {
        static Response of(int status, String contentType, byte[] body) {
            return new Response(status, contentType, body, null);
        }

        static Response error(int status, String message) {
            return of(status, JSON, errorBody(message));
        }

        static Response methodNotAllowed(String allow) {
            return new Response(405, JSON, errorBody("method not allowed"), allow);
        }

        private static byte[] errorBody(String message) {
            return ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The route of a path, or null when there is none. */
    static Route route(String path) {
        if (path == null) {
            return null;
        }
        return switch (path) {
            case "/", "/index.html" -> Route.INDEX;
            case "/api/status" -> Route.STATUS;
            case "/metrics" -> Route.METRICS;
            default -> null;
        };
    }

    @Override
    public void handle(HttpExchange exchange) {
        long startNanos = System.nanoTime();
        Route route = route(exchange.getRequestURI().getPath());
        Response response = respond(route, exchange.getRequestMethod());
        try {
            send(exchange, response);
        } catch (IOException e) {
            log.debug("Client went away before the response was sent: {}", e.toString());
        } finally {
            exchange.close();
            Timer.builder("croupier.http.requests")
                    .description("HTTP requests handled, by route and status code")
                    .tag("route", route == null ? "UNKNOWN" : route.name())
                    .tag("status", String.valueOf(response.status()))
                    .register(prometheus)
                    .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }
    }

    Response respond(Route route, String method) {
        if (route == null) {
            return Response.error(404, "not found");
        }
        if (!"GET".equals(method)) {
            return Response.methodNotAllowed("GET");
        }
        try {
            return switch (route) {
                case INDEX -> onIndex();
                case STATUS -> onStatus();
                case METRICS -> onMetrics();
            };
        } catch (RuntimeException e) {
            log.error("GET {} failed", route, e);
            return Response.error(500, "internal error");
        }
    }

    private Response onIndex() {
        return Response.of(200, HTML, indexPage);
    }

    private Response onStatus() {
        try {
            return Response.of(200, JSON, json.writeValueAsBytes(status.current()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response onMetrics() {
        return Response.of(200, PROMETHEUS_TEXT, prometheus.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getRequestBody().close();
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        if (response.allow() != null) {
            headers.set("Allow", response.allow());
        }
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }
}
