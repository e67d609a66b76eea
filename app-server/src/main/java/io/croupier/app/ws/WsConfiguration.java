package io.croupier.app.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.croupier.app.grid.Accounts;
import io.croupier.app.grid.GridAvailability;
import io.croupier.app.grid.GridEvents;
import io.croupier.app.grid.GridLinks;
import io.croupier.app.grid.GridSessions;
import io.croupier.cashier.Cashier;
import io.croupier.game.Fairness;
import io.croupier.game.GameHistory;
import io.croupier.rg.ResponsibleGambling;
import io.croupier.roulette.RouletteTables;
import io.croupier.slots.SlotCatalog;
import io.croupier.wallet.WalletService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Wires the WebSocket edge: executor, connections, handlers, the protocol router, push and the endpoints. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WsProperties.class)
class WsConfiguration {

    /** Requests that wait on the grid; bounded queue, a full one answers OVERLOADED (never an unbounded backlog). */
    @Bean(destroyMethod = "shutdownNow")
    ThreadPoolExecutor wsRequestExecutor(WsProperties p) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(p.requestThreads(), p.requestThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(p.requestQueueMax()),
                r -> daemon(r, "croupier-ws-request-" + n.incrementAndGet()), new ThreadPoolExecutor.AbortPolicy());
    }

    /** Pings and closes: small, periodic, never on a broadcaster's thread. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService wsHousekeeping() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newScheduledThreadPool(1, r -> daemon(r, "croupier-ws-housekeeping-" + n.incrementAndGet()));
    }

    /**
     * Sends balance changes (see {@link Push}): one thread, so a player's balances leave in commit order, and never
     * the thread that committed them.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService wsPushSender() {
        return Executors.newSingleThreadExecutor(r -> daemon(r, "croupier-ws-push"));
    }

    @Bean
    Connections connections() {
        return new Connections();
    }

    @Bean
    EdgeMetrics edgeMetrics(MeterRegistry registry, Connections connections, GridLinks links) {
        return new EdgeMetrics(registry, connections, links);
    }

    /** The one password hasher of the app server (registration, login, the demo player). */
    @Bean
    PasswordEncoder passwordEncoder(WsProperties p) {
        return new BCryptPasswordEncoder(p.bcryptCost());
    }

    @Bean
    Handlers handlers(ObjectMapper json, Accounts accounts, GridSessions sessions, GridEvents events,
                      GridLinks links, WalletService wallets, Cashier cashier, ResponsibleGambling rg,
                      SlotCatalog slots, Fairness fairness, GameHistory history, RouletteTables tables,
                      Connections connections, PasswordEncoder passwordEncoder, Clock clock, WsProperties p,
                      ThreadPoolExecutor wsRequestExecutor) {
        return new Handlers(json, accounts, sessions, events, links, wallets, cashier, rg, slots, fairness, history,
                tables, connections, passwordEncoder, clock, p, wsRequestExecutor);
    }

    @Bean
    Protocol protocol(ObjectMapper json, Handlers handlers, GridAvailability grid, EdgeMetrics metrics,
                      WsProperties p) {
        return new Protocol(json, handlers, grid, metrics, p.requestTimeoutMs());
    }

    @Bean
    Push push(ObjectMapper json, Connections connections, EdgeMetrics metrics, Clock clock, WsProperties p,
              ScheduledExecutorService wsHousekeeping,
              @Qualifier("wsPushSender") ExecutorService wsPushSender) {
        return new Push(json, connections, metrics, clock, wsHousekeeping, wsPushSender, p.betPushWindowMs());
    }

    @Bean
    WsEndpoints wsEndpoints(WsProperties p, Connections connections, Protocol protocol, EdgeMetrics metrics,
                            Push push, GridEvents events, ScheduledExecutorService wsHousekeeping) {
        PlayerEndpoint players = new PlayerEndpoint(p, connections, protocol, metrics, wsHousekeeping,
                new ClientAddress(p.trustedProxies()));
        ServerEndpointConfig.Configurator configurator = new ServerEndpointConfig.Configurator() {
            @Override
            public boolean checkOrigin(String origin) {
                return p.originAllowed(origin);
            }

            @Override
            public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                                        HandshakeResponse response) {
                // Every value, kept for the endpoint to judge against the peer (Tyrus 2.2 gives each handshake its
                // own copy of these properties). Header names are case-insensitive.
                List<String> forwarded = request.getHeaders().entrySet().stream()
                        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("X-Forwarded-For"))
                        .flatMap(e -> e.getValue().stream()).toList();
                if (!forwarded.isEmpty()) {
                    config.getUserProperties().put(PlayerEndpoint.FORWARDED_FOR, forwarded);
                }
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getEndpointInstance(Class<T> endpointClass) {
                return (T) players;
            }
        };
        ServerEndpointConfig playerConfig = ServerEndpointConfig.Builder.create(PlayerEndpoint.class, p.path())
                .configurator(configurator).build();
        List<ServerEndpointConfig> configs = new java.util.ArrayList<>(List.of(playerConfig));
        if (!p.echoPath().isEmpty()) {
            EchoEndpoint echo = new EchoEndpoint(p.frameBytesMax());
            configs.add(ServerEndpointConfig.Builder.create(EchoEndpoint.class, p.echoPath())
                    .configurator(new ServerEndpointConfig.Configurator() {
                        @Override
                        public boolean checkOrigin(String origin) {
                            return p.originAllowed(origin);
                        }

                        @Override
                        @SuppressWarnings("unchecked")
                        public <T> T getEndpointInstance(Class<T> endpointClass) {
                            return (T) echo;
                        }
                    }).build());
        }
        EdgeContainer container = new EdgeContainer(p.frameBytesMax() * 4 + 4096,
                r -> daemon(r, "croupier-ws-timer"));
        // Silent players are closed by the edge's sweep (WsEndpoints: 1001 after idle-timeout-ms). Tyrus's own idle
        // timer is the backstop, two ping periods later, for every endpoint (the echo one has no sweep). It must not
        // be 0: Tyrus 2.2.0 re-arms it on every frame with this delay, and a 0 delay would run a task per frame.
        container.setDefaultMaxSessionIdleTimeout(p.idleTimeoutMs() + 2 * p.pingPeriodMs());
        metrics.watchTimer(container);
        return new WsEndpoints(container, configs, connections, push, events, wsHousekeeping, p.pingPeriodMs(),
                p.idleTimeoutMs());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
