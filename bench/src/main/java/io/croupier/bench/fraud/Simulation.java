package io.croupier.bench.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.croupier.bench.edge.Clients;
import io.croupier.bench.edge.Latencies;
import io.croupier.bench.edge.PlayerSocket;
import io.croupier.bench.edge.Requests;
import io.croupier.wallet.MoneyRequest;
import io.croupier.wallet.WalletService;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Plays the plans through the platform: every player on their own WebSocket connection, as a real client (register or
 * login with a device fingerprint, behind their own address as a proxy reports it in {@code X-Forwarded-For}), except
 * provider rounds, which a game provider's integration settles through the wallet's BET_AND_WIN. Players hold no
 * thread: each is a chain of completions, one request outstanding. Records who each player turned out to be
 * (player id → plan) and when the last event was sent.
 */
final class Simulation {
    private static final String PROVIDER_REFERENCE = "provider:";
    private static final int BET_KINDS = 9;

    private final HttpClient http;
    private final URI url;
    private final ScheduledExecutorService timer;
    private final WalletService wallet;
    private final Latencies latencies;
    private final long requestTimeoutMs;
    private final long tableRoundMsMax;
    private final long seed;
    private final Map<Long, Plan> players = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicLong lastEventMs = new AtomicLong();

    Simulation(HttpClient http, URI url, ScheduledExecutorService timer, WalletService wallet, Latencies latencies,
               long requestTimeoutMs, long tableRoundMsMax, long seed) {
        this.http = http;
        this.url = url;
        this.timer = timer;
        this.wallet = wallet;
        this.latencies = latencies;
        this.requestTimeoutMs = requestTimeoutMs;
        this.tableRoundMsMax = tableRoundMsMax;
        this.seed = seed;
    }

    /** Starts every plan (each after its own start delay); the future completes when all have finished. */
    CompletableFuture<Void> start(List<Plan> plans) {
        return CompletableFuture.allOf(plans.stream().map(p -> new SimulatedPlayer(p).run())
                .toArray(CompletableFuture[]::new));
    }

    /** Registered players: player id → plan (ground truth: the plan's kind). */
    Map<Long, Plan> players() {
        return Map.copyOf(players);
    }

    int finished() {
        return finished.get();
    }

    /** When the last money operation or bet was answered (epoch ms). */
    long lastEventMs() {
        return lastEventMs.get();
    }

    /** Refused requests by "kind: type CODE" (a refusal is often the alert's action at work: HELD, BLOCKED). */
    Map<String, Long> refusals() {
        Map<String, Long> out = new java.util.TreeMap<>();
        refusals.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private CompletableFuture<Void> delay(long ms) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        timer.schedule(() -> f.complete(null), Math.max(0, ms), TimeUnit.MILLISECONDS);
        return f;
    }

    /** One player's plan, executed step by step. */
    private final class SimulatedPlayer {
        private final Plan plan;
        private final Random random;
        private final String label;
        private volatile PlayerSocket socket;
        private volatile long playerId = -1;
        private volatile String currency;
        /** Set once the platform refused play as blocked: the rest of the plan is skipped. */
        private volatile boolean blocked;
        private volatile TableSession table;
        private int keys;

        SimulatedPlayer(Plan plan) {
            this.plan = plan;
            this.random = new Random(seed * 1_000_003L + plan.index());
            this.label = plan.kind() == null ? "ordinary" : plan.kind().name();
        }

        CompletableFuture<Void> run() {
            return delay(plan.startDelayMs())
                    .thenCompose(x -> connect())
                    .thenCompose(x -> call("register", Requests.register(plan.username(), plan.device())))
                    .thenCompose(reply -> {
                        if (reply.errorCode() != null) {
                            throw new IllegalStateException("register: " + reply.errorCode());
                        }
                        playerId = reply.frame().path("playerId").asLong();
                        currency = reply.frame().path("currency").asText();
                        players.put(playerId, plan);
                        return steps(0);
                    })
                    .handle((x, failure) -> {
                        if (failure != null && playerId < 0) {
                            // Never registered: left out of the population (the summary counts who registered).
                            latencies.error("player", Clients.code(failure));
                        } else if (failure != null) {
                            latencies.error("player " + label, Clients.code(failure));
                        }
                        PlayerSocket s = socket;
                        if (s != null) {
                            s.close();
                        }
                        finished.incrementAndGet();
                        return null;
                    });
        }

        private CompletableFuture<Void> connect() {
            return PlayerSocket.open(http, url, false, Map.of("X-Forwarded-For", plan.address()), this::onEvent)
                    .thenAccept(s -> socket = s);
        }

        private CompletableFuture<Void> steps(int i) {
            if (i >= plan.steps().size() || blocked) {
                return CompletableFuture.completedFuture(null);
            }
            return step(plan.steps().get(i)).thenCompose(x -> steps(i + 1));
        }

        private CompletableFuture<Void> step(Plan.Step step) {
            if (step instanceof Plan.Deposit d) {
                return call("wallet.deposit", Requests.deposit(d.amountMinor(), key("dep"))).thenAccept(this::moneyAnswered);
            } else if (step instanceof Plan.WithdrawAll) {
                return withdrawAll();
            } else if (step instanceof Plan.Spins s) {
                return spins(s, 0);
            } else if (step instanceof Plan.TableRounds t) {
                return tableRounds(t);
            } else if (step instanceof Plan.ProviderRounds p) {
                return providerRounds(p, 0);
            } else if (step instanceof Plan.Pause p) {
                return delay(p.ms());
            } else if (step instanceof Plan.Relogin r) {
                return relogin(r);
            }
            throw new IllegalStateException("unknown step " + step);
        }

        private CompletableFuture<Void> withdrawAll() {
            return call("wallet.balance", Requests.balance()).thenCompose(reply -> {
                long balance = reply.frame().path("balance").asLong(0);
                if (reply.errorCode() != null || balance <= 0) {
                    return CompletableFuture.completedFuture(null);
                }
                return call("wallet.withdraw", Requests.withdraw(balance, key("wd"))).thenAccept(this::moneyAnswered);
            });
        }

        private CompletableFuture<Void> spins(Plan.Spins s, int done) {
            if (done >= s.count() || blocked) {
                return CompletableFuture.completedFuture(null);
            }
            return call("slot.spin", Requests.spin(s.game(), s.stakeMinor(), key("spin"))).thenCompose(reply -> {
                moneyAnswered(reply);
                if ("INSUFFICIENT_FUNDS".equals(reply.errorCode())) {
                    return CompletableFuture.completedFuture(null);
                }
                return delay(think(s.thinkMsMin(), s.thinkMsMax())).thenCompose(x -> spins(s, done + 1));
            });
        }

        private CompletableFuture<Void> providerRounds(Plan.ProviderRounds p, int done) {
            if (done >= p.count() || blocked) {
                return CompletableFuture.completedFuture(null);
            }
            long win = Math.multiplyExact(p.stakeMinor(), p.game().draw(random));
            String key = key("pr");
            long sent = System.nanoTime();
            return wallet.submit(MoneyRequest.betAndWin(playerId, key, currency, p.stakeMinor(), win,
                    PROVIDER_REFERENCE + p.game().id() + ":" + key)).thenCompose(result -> {
                        String code = result.isOk() ? null : result.code().name();
                        if (code == null) {
                            latencies.record("provider BET_AND_WIN", TimeUnit.NANOSECONDS.toMicros(
                                    System.nanoTime() - sent));
                            lastEventMs.accumulateAndGet(System.currentTimeMillis(), Math::max);
                        } else {
                            refused("provider BET_AND_WIN", code);
                        }
                        if ("INSUFFICIENT_FUNDS".equals(code)) {
                            return CompletableFuture.completedFuture(null);
                        }
                        return delay(think(p.thinkMsMin(), p.thinkMsMax())).thenCompose(x -> providerRounds(p, done + 1));
                    });
        }

        private CompletableFuture<Void> relogin(Plan.Relogin r) {
            PlayerSocket old = socket;
            old.close();
            return connect().thenCompose(x -> call("login", Requests.login(plan.username(), r.device())))
                    .thenAccept(reply -> {
                        if (reply.errorCode() != null) {
                            throw new IllegalStateException("login: " + reply.errorCode());
                        }
                    });
        }

        private CompletableFuture<Void> tableRounds(Plan.TableRounds t) {
            return call("table.join", Requests.join(t.tableId())).thenCompose(reply -> {
                if (reply.errorCode() != null) {
                    return CompletableFuture.completedFuture(null);
                }
                TableSession session = new TableSession(t);
                table = session;
                JsonNode round = reply.frame().path("table").path("round");
                if ("OPEN".equals(round.path("status").asText())) {
                    session.roundOpened(round.path("roundId").asLong());
                }
                timer.schedule(session::finish, tableRoundMsMax * (t.rounds() + 2), TimeUnit.MILLISECONDS);
                return session.done;
            }).thenCompose(x -> {
                table = null;
                return call("table.leave", Requests.leave());
            }).thenAccept(x -> { });
        }

        private void onEvent(PlayerSocket s, JsonNode event) {
            TableSession t = table;
            if (t != null && "round.opened".equals(event.path("event").asText())
                    && t.plan.tableId().equals(event.path("tableId").asText())) {
                t.roundOpened(event.path("roundId").asLong());
            }
        }

        /** The player's rounds at one table: a bet on each round opened after joining, until enough were placed. */
        private final class TableSession {
            final Plan.TableRounds plan;
            final CompletableFuture<Void> done = new CompletableFuture<>();
            private long lastRound = -1;
            private int placed;
            private boolean betting;

            TableSession(Plan.TableRounds plan) {
                this.plan = plan;
            }

            void roundOpened(long roundId) {
                ObjectNode bet;
                synchronized (this) {
                    if (done.isDone() || betting || roundId <= lastRound || placed >= plan.rounds()) {
                        return;
                    }
                    betting = true;
                    lastRound = roundId;
                    placed++;
                    bet = casualOr(roundId);
                }
                call("table.bet", bet).whenComplete((reply, failure) -> {
                    if (reply != null) {
                        moneyAnswered(reply);
                    }
                    boolean last;
                    synchronized (this) {
                        betting = false;
                        last = placed >= plan.rounds();
                    }
                    if (last || failure != null || blocked || reply != null
                            && "INSUFFICIENT_FUNDS".equals(reply.errorCode())) {
                        finish();
                    }
                });
            }

            void finish() {
                done.complete(null);
            }

            private ObjectNode casualOr(long roundId) {
                String key = key("bet");
                if (plan.betKind() != null) {
                    return Requests.bet(plan.tableId(), roundId, plan.betKind(), null, plan.stakeMinor(), key);
                }
                long stake = plan.stakeMinor() * (1 + random.nextInt(2));
                return switch (random.nextInt(BET_KINDS)) {
                    case 0 -> Requests.bet(plan.tableId(), roundId, "RED", null, stake, key);
                    case 1 -> Requests.bet(plan.tableId(), roundId, "BLACK", null, stake, key);
                    case 2 -> Requests.bet(plan.tableId(), roundId, "ODD", null, stake, key);
                    case 3 -> Requests.bet(plan.tableId(), roundId, "EVEN", null, stake, key);
                    case 4 -> Requests.bet(plan.tableId(), roundId, "LOW", null, stake, key);
                    case 5 -> Requests.bet(plan.tableId(), roundId, "HIGH", null, stake, key);
                    case 6 -> Requests.bet(plan.tableId(), roundId, "DOZEN", 1 + random.nextInt(3), stake, key);
                    case 7 -> Requests.bet(plan.tableId(), roundId, "COLUMN", 1 + random.nextInt(3), stake, key);
                    default -> Requests.bet(plan.tableId(), roundId, "STRAIGHT", random.nextInt(37),
                            Math.min(stake, 10_000), key);
                };
            }
        }

        /** A request on the player's connection; an error frame is an answer too (counted), a lost connection fails. */
        private CompletableFuture<PlayerSocket.Reply> call(String type, ObjectNode request) {
            return Clients.timedCall(socket, type, request, latencies, requestTimeoutMs).thenApply(reply -> {
                String code = reply.errorCode();
                if (code != null) {
                    refused(type, code);
                }
                return reply;
            });
        }

        private void moneyAnswered(PlayerSocket.Reply reply) {
            if (reply.errorCode() == null) {
                lastEventMs.accumulateAndGet(System.currentTimeMillis(), Math::max);
            }
        }

        private void refused(String type, String code) {
            refusals.computeIfAbsent(label + ": " + type + " " + code, k -> new LongAdder()).increment();
            if ("RISK_BLOCKED".equals(code)) {
                blocked = true;
            }
        }

        private String key(String what) {
            return what + "-" + plan.index() + "-" + ++keys;
        }

        private long think(long min, long max) {
            return min + (long) (random.nextDouble() * (max - min));
        }
    }
}
