package io.croupier.app.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.croupier.app.CroupierApp;
import io.croupier.app.web.HttpEdge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two stateless app servers (client nodes of one grid) behind nginx proxying WebSockets: a player connected through
 * nginx to one of them moves to the other when it goes away, resumes with the token and finds their wallet and seat.
 * Needs the Debian nginx package (installed by .ci/run); skipped where it is missing.
 */
class NginxFailoverTest {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Map<String, String> NODE_SETTINGS = Map.of(
            "croupier.discovery.port", "29500",
            "croupier.discovery.addresses", "127.0.0.1:29500..29505",
            "croupier.discovery.portRange", "5",
            "croupier.communication.port", "29600",
            "croupier.client.port", "29700",
            "croupier.memory.maxSizeMb", "256",
            "croupier.cache.partitions", "32",
            "croupier.tables.roundPauseMs", "300",
            "croupier.games.slotsDirectory", "../config/slots",
            "croupier.games.tablesFile", "src/test/resources/test-tables.json");

    private static Ignite server;
    private static ConfigurableApplicationContext appA;
    private static ConfigurableApplicationContext appB;
    private static Process nginx;
    private static int nginxPort;

    @BeforeAll
    static void startGridTwoAppServersAndNginx() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX), "nginx is not installed (apt-get install nginx-light)");
        NODE_SETTINGS.forEach(System::setProperty);
        server = TestServerNode.start("lb", "target/nginx-grid");
        appA = startApp();
        appB = startApp();
        nginxPort = freePort();
        nginx = startNginx(port(appA), port(appB), nginxPort);
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {appA, appB}) {
            if (app != null) {
                app.close();
            }
        }
        if (server != null) {
            server.close();
        }
        NODE_SETTINGS.keySet().forEach(System::clearProperty);
    }

    @Test
    void aPlayerMovesToTheOtherAppServerAndResumesWalletAndSeat() throws Exception {
        URI viaNginx = URI.create("ws://127.0.0.1:" + nginxPort + "/ws");
        String token;
        long balance;
        ConfigurableApplicationContext first;
        try (TestClient c = new TestClient(viaNginx)) {
            JsonNode reg = c.call("register", Map.of("username", "mover", "password", "password-1"));
            assertThat(reg.path("ok").asBoolean()).as(reg.toString()).isTrue();
            token = reg.path("token").asText();
            balance = c.call("wallet.deposit", Map.of("amount", 5_000, "paymentToken", "tok", "idempotencyKey", "d1"))
                    .path("balance").asLong();
            assertThat(c.call("table.join", Map.of("tableId", "fast-1")).path("ok").asBoolean()).isTrue();
            first = connectionsOf(appA) > 0 ? appA : appB;
            assertThat(connectionsOf(first)).isEqualTo(1);

            first.close();
            assertThat(c.closeCode.get(10, TimeUnit.SECONDS)).as("closed by the stopping app server").isPositive();
        }
        ConfigurableApplicationContext other = first == appA ? appB : appA;
        try (TestClient c = new TestClient(viaNginx)) {
            JsonNode auth = c.call("auth", Map.of("token", token));
            assertThat(auth.path("ok").asBoolean()).as(auth.toString()).isTrue();
            assertThat(auth.path("seat").asText()).isEqualTo("fast-1");
            assertThat(connectionsOf(other)).isEqualTo(1);
            assertThat(c.call("wallet.balance").path("balance").asLong()).isEqualTo(balance);

            JsonNode opened = c.awaitEvent(e -> e.path("event").asText().equals("round.opened"), 20_000);
            JsonNode bet = c.call("table.bet", Map.of("tableId", "fast-1", "roundId", opened.path("roundId").asLong(),
                    "idempotencyKey", "moved-bet", "bets", List.of(Map.of("kind", "EVEN", "stake", 100))));
            // The round may close between the event and the bet; either way the answer is a clean protocol reply.
            if (!bet.path("ok").asBoolean()) {
                assertThat(bet.path("code").asText()).isEqualTo("ROUND_CLOSED");
            }
        }
    }

    private static int connectionsOf(ConfigurableApplicationContext app) {
        return app.getBean(Connections.class).size();
    }

    private static ConfigurableApplicationContext startApp() {
        return new SpringApplicationBuilder(CroupierApp.class).run(
                "--croupier.app.grid.mode=client",
                "--croupier.app.http.host=127.0.0.1",
                "--croupier.app.http.port=0",
                "--croupier.app.ws.bcrypt-cost=4",
                "--croupier.app.demo.enabled=false");
    }

    private static int port(ConfigurableApplicationContext app) {
        return app.getBean(HttpEdge.class).port();
    }

    private static Process startNginx(int upstreamA, int upstreamB, int listen) throws IOException, InterruptedException {
        Path prefix = Path.of("target/nginx").toAbsolutePath();
        Files.createDirectories(prefix.resolve("logs"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 256; }
                http {
                  access_log %1$s/logs/access.log;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                  upstream croupier {
                    server 127.0.0.1:%2$d max_fails=1 fail_timeout=30s;
                    server 127.0.0.1:%3$d max_fails=1 fail_timeout=30s;
                  }
                  server {
                    listen 127.0.0.1:%4$d;
                    location / {
                      proxy_pass http://croupier;
                      proxy_http_version 1.1;
                      proxy_set_header Upgrade $http_upgrade;
                      proxy_set_header Connection $connection_upgrade;
                      proxy_set_header Host $host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_read_timeout 1h;
                      proxy_next_upstream error timeout;
                    }
                  }
                }
                """.formatted(prefix, upstreamA, upstreamB, listen));
        Process p = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", listen)) {
                return p;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("nginx exited: " + Files.readString(prefix.resolve("logs/stdout.log")));
                }
                Thread.sleep(100);
            }
        }
        p.destroy();
        throw new IllegalStateException("nginx did not listen on " + listen);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
