package io.croupier.bench.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/croupier loadgen}: N virtual players over real WebSocket connections to a running app server, from this
 * process. Each registers (a unique username), deposits, then loops: slot spins with a think time between them, and
 * — for the players chosen to bet — one RED bet on every round its table opens. One request outstanding per player.
 * Prints throughput and latency percentiles per request type, errors by code, and the push lag of events
 * (receive time minus the event's commit time {@code at}; both clocks are this host's when the server is local).
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true,
        description = "Simulate players over WebSocket against a running app server; print throughput, latency "
                + "percentiles per message type, errors by code and push lag.")
public final class LoadGen implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "ws://127.0.0.1:8080/ws", description = "The players' endpoint.")
    URI url;

    @Option(names = "--players", defaultValue = "100", description = "Virtual players, one connection each.")
    int players;

    @Option(names = "--duration-seconds", defaultValue = "60", description = "How long the players play (ramp-up included).")
    int durationSeconds;

    @Option(names = "--think-ms", defaultValue = "1000",
            description = "Mean pause between a player's reply and their next spin, in ms (uniform 0.5-1.5x; 0 = none).")
    long thinkMs;

    @Option(names = "--spin-share", defaultValue = "1.0", description = "Fraction of players who spin (0..1).")
    double spinShare;

    @Option(names = "--bet-share", defaultValue = "0.2",
            description = "Fraction of players who join the table and bet on every round it opens (0..1).")
    double betShare;

    @Option(names = "--ramp-up-seconds", defaultValue = "10", description = "Players start evenly over this many seconds.")
    int rampUpSeconds;

    @Option(names = "--game", defaultValue = "classic-fruits", description = "Slot game id.")
    String game;

    @Option(names = "--stake", defaultValue = "10", description = "Stake of a spin and of a bet, in minor units.")
    long stake;

    @Option(names = "--table", defaultValue = "eu-1", description = "Roulette table the betting players join.")
    String table;

    @Option(names = "--deposit", defaultValue = "100000000", description = "Each player's first deposit, in minor units.")
    long deposit;

    @Option(names = "--request-timeout-ms", defaultValue = "10000",
            description = "A request unanswered this long counts as error TIMEOUT and the player moves on.")
    long requestTimeoutMs;

    @Option(names = "--threads", defaultValue = "2",
            description = "Threads of the WebSocket client's executor (shared by every connection).")
    int threads;

    @Option(names = "--username-prefix", defaultValue = "load",
            description = "Usernames are PREFIX-RUN-INDEX, RUN being unique per run.")
    String usernamePrefix;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGen()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (players < 1 || durationSeconds < 1 || thinkMs < 0 || rampUpSeconds < 0 || threads < 1 || stake < 1) {
            throw new IllegalArgumentException("--players, --duration-seconds, --threads, --stake >= 1; "
                    + "--think-ms, --ramp-up-seconds >= 0");
        }
        PlayerMix mix = new PlayerMix(spinShare, betShare);
        System.out.printf(Locale.ROOT, "Machine: %d cores, %s %s. %s: %d players (spin %.0f %%, bet %.0f %%), think %d ms, "
                        + "ramp-up %d s, %d s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), url, players, spinShare * 100,
                betShare * 100, thinkMs, rampUpSeconds, durationSeconds);
        ExecutorService executor = Clients.executor(threads);
        ScheduledExecutorService timer = Clients.timer();
        HttpClient http = Clients.http(executor);
        Latencies latencies = new Latencies();
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<VirtualPlayer> all = new ArrayList<>(players);
        long startNanos = System.nanoTime();
        for (int i = 0; i < players; i++) {
            VirtualPlayer p = new VirtualPlayer(i, usernamePrefix + "-" + run + "-" + i, mix.spins(i), mix.bets(i),
                    http, timer, latencies);
            all.add(p);
            long delayMs = players == 1 ? 0 : TimeUnit.SECONDS.toMillis(rampUpSeconds) * i / players;
            timer.schedule(p::start, delayMs, TimeUnit.MILLISECONDS);
        }
        long endNanos = startNanos + TimeUnit.SECONDS.toNanos(durationSeconds);
        while (System.nanoTime() < endNanos) {
            Thread.sleep(Math.min(5_000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime()))));
            System.out.printf(Locale.ROOT, "   %3d s: %d playing, %d spins, %d bets%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), VirtualPlayer.playing.get(),
                    latencies.histogram("slot.spin").getTotalCount(), latencies.histogram("table.bet").getTotalCount());
        }
        all.forEach(VirtualPlayer::stop);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long drainDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(requestTimeoutMs);
        while (all.stream().anyMatch(VirtualPlayer::busy) && System.nanoTime() < drainDeadline) {
            Thread.sleep(20);
        }
        all.forEach(VirtualPlayer::close);
        timer.shutdownNow();
        executor.shutdownNow();
        print(latencies, seconds);
        return 0;
    }

    private void print(Latencies latencies, double seconds) {
        System.out.printf(Locale.ROOT, "%nRequests over %.1f s (latency: request sent -> reply received; counts are "
                + "successful replies)%n", seconds);
        System.out.print(Latencies.table("request", latencies.rows(seconds, n -> !n.startsWith("push "))));
        List<Latencies.Row> push = latencies.rows(seconds, n -> n.startsWith("push "));
        if (!push.isEmpty()) {
            System.out.printf("%nPush lag (event received - its commit time 'at', ms clocks)%n");
            System.out.print(Latencies.table("event", push));
            System.out.printf("Frames received: %s%n", latencies.frames());
        }
        Map<String, Long> errors = latencies.errors();
        System.out.printf("%nErrors by request type and code: %s%n", errors.isEmpty() ? "none" : "");
        errors.forEach((k, v) -> System.out.printf(Locale.ROOT, "   %-40s %,d%n", k, v));
    }

    /** One simulated player: a state machine driven by replies, events and timers; it holds no thread. */
    final class VirtualPlayer {
        static final AtomicInteger playing = new AtomicInteger();
        private static final AtomicLong keys = new AtomicLong();

        private enum State { STARTING, IDLE, THINKING, BUSY, STOPPED }

        private final int index;
        private final String username;
        private final boolean spins;
        private final boolean bets;
        private final HttpClient http;
        private final ScheduledExecutorService timer;
        private final Latencies latencies;
        private PlayerSocket socket;
        private State state = State.STARTING;
        private boolean stopping;
        /** The latest round.opened not yet bet on. */
        private JsonNode openRound;

        VirtualPlayer(int index, String username, boolean spins, boolean bets, HttpClient http,
                      ScheduledExecutorService timer, Latencies latencies) {
            this.index = index;
            this.username = username;
            this.spins = spins;
            this.bets = bets;
            this.http = http;
            this.timer = timer;
            this.latencies = latencies;
        }

        void start() {
            synchronized (this) {
                if (stopping) {
                    return;
                }
            }
            PlayerSocket.open(http, url, false, this::onEvent)
                    .thenCompose(s -> {
                        synchronized (this) {
                            socket = s;
                        }
                        return Clients.onboard(s, username, deposit, bets ? table : null, latencies, requestTimeoutMs);
                    })
                    .whenComplete((onboarded, failure) -> {
                        if (failure != null) {
                            latencies.error("connect+onboard", Clients.code(failure));
                            synchronized (this) {
                                state = State.STOPPED;
                            }
                            return;
                        }
                        playing.incrementAndGet();
                        JsonNode round = onboarded.table() == null ? null : onboarded.table().path("round");
                        if (round != null && "OPEN".equals(round.path("status").asText())) {
                            // Joined while a round is open: bet on it as if its round.opened had just arrived.
                            synchronized (this) {
                                if (openRound == null) {
                                    openRound = PlayerSocket.JSON.createObjectNode().put("tableId", table)
                                            .set("roundId", round.path("roundId"));
                                }
                            }
                        }
                        next(false);
                    });
        }

        private void onEvent(PlayerSocket s, JsonNode event) {
            long nowMs = System.currentTimeMillis();
            String name = event.path("event").asText("?");
            latencies.frame(name);
            if (event.has("at")) {
                latencies.record("push " + name, (nowMs - event.path("at").asLong()) * 1000);
            }
            // A bets.placed frame carries several bets, each with its own commit time.
            for (JsonNode placed : event.path("placed")) {
                latencies.record("push " + name, (nowMs - placed.path("at").asLong()) * 1000);
            }
            if (bets && "round.opened".equals(name)) {
                boolean sendNow;
                synchronized (this) {
                    openRound = event;
                    sendNow = state == State.IDLE;
                }
                if (sendNow) {
                    next(false);
                }
            }
        }

        /** Picks and sends the next request, or waits (think time, or for a round when not spinning). */
        private void next(boolean thought) {
            ObjectNode request;
            String type;
            synchronized (this) {
                if (stopping || state == State.STOPPED) {
                    state = State.STOPPED;
                    return;
                }
                if (openRound != null) {
                    request = Requests.bet(openRound, stake, "bet-" + username + "-" + keys.incrementAndGet());
                    type = "table.bet";
                    openRound = null;
                } else if (spins && (thought || thinkMs == 0)) {
                    request = Requests.spin(game, stake, "spin-" + username + "-" + keys.incrementAndGet());
                    type = "slot.spin";
                } else if (spins) {
                    state = State.THINKING;
                    long pauseMs = thinkMs / 2 + ThreadLocalRandom.current().nextLong(thinkMs + 1);
                    timer.schedule(() -> next(true), pauseMs, TimeUnit.MILLISECONDS);
                    return;
                } else {
                    state = State.IDLE;
                    return;
                }
                state = State.BUSY;
            }
            Clients.timedCall(socket, type, request, latencies, requestTimeoutMs).whenComplete((reply, failure) -> {
                if (failure != null && !socket.isOpen()) {
                    synchronized (this) {
                        state = State.STOPPED;
                    }
                    playing.decrementAndGet();
                    return;
                }
                next(false);
            });
        }

        synchronized boolean busy() {
            return state == State.BUSY || state == State.STARTING && socket != null;
        }

        synchronized void stop() {
            stopping = true;
        }

        void close() {
            PlayerSocket s;
            synchronized (this) {
                s = socket;
                state = State.STOPPED;
            }
            if (s != null) {
                s.close();
            }
        }

        @Override
        public String toString() {
            return "player " + index + " " + username;
        }
    }

    /** Unwraps a completion failure. */
    static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    static boolean isTimeout(Throwable t) {
        return cause(t) instanceof TimeoutException;
    }
}
