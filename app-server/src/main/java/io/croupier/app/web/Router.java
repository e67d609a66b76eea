package io.croupier.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every HTTP request goes through here: one switch from path to a short handler. Only GET is served; an unknown path
 * is 404, another method 405. A failure is logged here and answered with a plain 500: never a stack trace.
 * The web client's files are read once from the classpath ({@code static/}) and served from memory.
 */
@Component
class Router extends HttpHandler {
    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json";
    /** The Prometheus text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final Map<String, StaticFile> files;
    private final StatusView status;
    private final PrometheusMeterRegistry prometheus;
    private final ObjectMapper json;

    Router(StatusView status, PrometheusMeterRegistry prometheus, ObjectMapper json) throws IOException {
        this.files = loadStaticFiles();
        this.status = status;
        this.prometheus = prometheus;
        this.json = json;
    }

    /** The routes; the name tags the request metrics. */
    enum Route { FILE, STATUS, METRICS }

    /** A file of the web client, in memory. */
    record StaticFile(String contentType, byte[] body) {
    }

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
            case "/api/status" -> Route.STATUS;
            case "/metrics" -> Route.METRICS;
            default -> path.matches("/([a-z0-9-]+\\.(html|js|css|svg))?") ? Route.FILE : null;
        };
    }

    @Override
    public void service(Request request, org.glassfish.grizzly.http.server.Response response) {
        long startNanos = System.nanoTime();
        String path = request.getRequestURI();
        Route route = route(path);
        Response answer = respond(route, request.getMethod().getMethodString(), path);
        try {
            send(response, answer);
        } catch (IOException e) {
            log.debug("Client went away before the response was sent: {}", e.toString());
        } finally {
            Timer.builder("croupier.http.requests")
                    .description("HTTP requests handled, by route and status code")
                    .tag("route", route == null ? "UNKNOWN" : route.name())
                    .tag("status", String.valueOf(answer.status()))
                    .register(prometheus)
                    .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }
    }

    Response respond(Route route, String method, String path) {
        if (route == null) {
            return Response.error(404, "not found");
        }
        if (!"GET".equals(method)) {
            return Response.methodNotAllowed("GET");
        }
        try {
            return switch (route) {
                case FILE -> onFile(path);
                case STATUS -> onStatus();
                case METRICS -> onMetrics();
            };
        } catch (RuntimeException e) {
            log.error("GET {} failed", route, e);
            return Response.error(500, "internal error");
        }
    }

    private Response onFile(String path) {
        StaticFile file = files.get(path.equals("/") ? "/index.html" : path);
        return file == null ? Response.error(404, "not found") : Response.of(200, file.contentType(), file.body());
    }

    private static Map<String, StaticFile> loadStaticFiles() throws IOException {
        Map<String, StaticFile> files = new HashMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:static/*")) {
            String name = r.getFilename();
            if (name == null || !r.isReadable()) {
                continue;
            }
            String type = name.endsWith(".html") ? HTML : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8" : name.endsWith(".svg") ? "image/svg+xml"
                    : "application/octet-stream";
            files.put("/" + name, new StaticFile(type, r.getContentAsByteArray()));
        }
        return Map.copyOf(files);
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

    private static void send(org.glassfish.grizzly.http.server.Response out, Response response) throws IOException {
        out.setStatus(response.status());
        out.setContentType(response.contentType());
        out.setHeader("Cache-Control", "no-store");
        out.setHeader("X-Content-Type-Options", "nosniff");
        if (response.allow() != null) {
            out.setHeader("Allow", response.allow());
        }
        out.setContentLength(response.body().length);
        try (OutputStream stream = out.getOutputStream()) {
            stream.write(response.body());
        }
    }
}
