package io.croupier.app;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The app server: the players' edge in front of the grid. Starts (or joins) the grid, seeds the demo player, and serves
 * the status page, the status API and the metrics scrape over HTTP. The WebSocket game protocol comes later.
 *
 * <p>Features, one package each: {@code grid} (the only package that talks to Ignite), {@code demo} (demo data),
 * {@code web} (HTTP), {@code metrics} (the Prometheus registry).
 */
@SpringBootApplication
public class CroupierApp {

    public static void main(String[] args) {
        SpringApplication.run(CroupierApp.class, args);
    }

    /** The one clock of the app; rules take it as a dependency so tests and replays can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
