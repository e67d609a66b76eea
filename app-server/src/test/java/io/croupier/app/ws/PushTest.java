package io.croupier.app.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.croupier.roulette.TableEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * How table events become frames for the seated players: bets coalesced per table, nothing of a round after its
 * next event. The clock and the timer are the test's, the connections real ones over sessions that record frames.
 */
class PushTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WINDOW_MS = 20;

    private final MutableClock clock = new MutableClock(1_000_000);
    private final List<Runnable> timers = new ArrayList<>();
    private final List<Long> timerDelaysMs = new ArrayList<>();
    private final Connections connections = new Connections();
    private final List<Runnable> balanceSends = new ArrayList<>();
    private final Push push = new Push(JSON, connections, new EdgeMetrics(new SimpleMeterRegistry(), connections, null),
            clock, timer(), balanceSends::add, WINDOW_MS);

    @Test
    void theFirstBetGoesAtOnceAndTheNextOnesOfTheWindowRideInOneFrame() throws Exception {
        List<String> seated = seat("t1");

        push.onTable(bet("t1", 7, 101, 500));
        assertThat(seated).hasSize(1);
        assertThat(placed(seated.get(0))).extracting(b -> b.path("playerId").asLong()).containsExactly(101L);

        clock.advance(5);
        push.onTable(bet("t1", 7, 102, 200));
        push.onTable(bet("t1", 7, 103, 300));
        assertThat(seated).as("within the window: waiting for the timer").hasSize(1);
        assertThat(timers).hasSize(1);
        assertThat(timerDelaysMs).containsExactly(WINDOW_MS - 5);

        clock.advance(15);
        timers.remove(0).run();
        assertThat(seated).hasSize(2);
        JsonNode frame = JSON.readTree(seated.get(1));
        assertThat(frame.path("event").asText()).isEqualTo("bets.placed");
        assertThat(frame.path("tableId").asText()).isEqualTo("t1");
        assertThat(frame.path("roundId").asLong()).isEqualTo(7);
        assertThat(placed(seated.get(1))).extracting(b -> b.path("playerId").asLong() + ":" + b.path("stake").asLong())
                .containsExactly("102:200", "103:300");

        clock.advance(1_000);
        push.onTable(bet("t1", 7, 104, 100));
        assertThat(seated).as("after a quiet spell: at once").hasSize(3);
        assertThat(timers).isEmpty();
    }

    @Test
    void pendingBetsGoOutBeforeTheTablesNextEventAndOnlyToThatTable() throws Exception {
        List<String> atT1 = seat("t1");
        List<String> atT2 = seat("t2");

        push.onTable(bet("t1", 3, 101, 500));
        push.onTable(bet("t1", 3, 102, 200));
        assertThat(atT1).hasSize(1);
        push.onTable(new TableEvent(TableEvent.Type.ROUND_CLOSED, "t1", 3, 0, 0, -1, null, clock.millis()));

        assertThat(atT1).extracting(f -> JSON.readTree(f).path("event").asText())
                .containsExactly("bets.placed", "bets.placed", "round.closed");
        assertThat(placed(atT1.get(1))).extracting(b -> b.path("playerId").asLong()).containsExactly(102L);
        assertThat(atT2).isEmpty();

        timers.remove(0).run(); // the timer set for the second bet finds nothing left
        assertThat(atT1).hasSize(3);
    }

    @Test
    void aFrameHoldsTheBetsOfOneRound() throws Exception {
        List<String> seated = seat("t1");

        push.onTable(bet("t1", 3, 101, 500));
        push.onTable(bet("t1", 3, 102, 200));
        push.onTable(bet("t1", 4, 103, 300));
        assertThat(seated).extracting(f -> JSON.readTree(f).path("roundId").asLong()).containsExactly(3L, 3L);

        timers.remove(0).run();
        assertThat(seated).extracting(f -> JSON.readTree(f).path("roundId").asLong()).containsExactly(3L, 3L, 4L);
    }

    @Test
    void aRoundsSettlementsInOneEventReachEachPlayerAloneWithTheirBalance() throws Exception {
        List<String> alice = seat("t1", 101);
        List<String> bob = seat("t1", 102);
        List<String> carol = seat("t1", 103);

        push.onTable(TableEvent.betsSettled("t1", 9, 17, List.of(new TableEvent.PlayerSettlement(101, 3_600, 50_000),
                new TableEvent.PlayerSettlement(102, 0, -1)), 999_500));

        JsonNode won = JSON.readTree(alice.get(0));
        assertThat(alice).hasSize(1);
        assertThat(won.path("event").asText()).isEqualTo("bet.settled");
        assertThat(won.path("playerId").asLong()).isEqualTo(101);
        assertThat(won.path("returned").asLong()).isEqualTo(3_600);
        assertThat(won.path("balance").asLong()).isEqualTo(50_000);
        assertThat(won.path("number").asInt()).isEqualTo(17);
        assertThat(won.path("roundId").asLong()).isEqualTo(9);
        assertThat(won.path("at").asLong()).isEqualTo(999_500);
        JsonNode lost = JSON.readTree(bob.get(0));
        assertThat(bob).hasSize(1);
        assertThat(lost.path("returned").asLong()).isZero();
        assertThat(lost.has("balance")).as("no payout, no balance").isFalse();
        assertThat(carol).as("seated but not settled in this event").isEmpty();
    }

    @Test
    void balancesLeaveOnTheSendersThreadAndAPlayerWaitingGetsOnlyTheNewest() throws Exception {
        List<String> alice = seat("t1", 101);
        List<String> bob = seat("t1", 102);

        push.onBalance(101, 5_000, "EUR", 999_100);
        push.onBalance(102, 700, "EUR", 999_150);
        push.onBalance(101, 4_900, "EUR", 999_200);
        push.onBalance(101, 4_950, "EUR", 999_300);
        push.onBalance(555, 1, "EUR", 999_300); // nobody of this player here: nothing to do
        assertThat(alice).as("not on the thread that heard the change").isEmpty();
        assertThat(balanceSends).as("one send per player waiting, not per change").hasSize(2);

        balanceSends.remove(0).run();
        balanceSends.remove(0).run();
        assertThat(alice).hasSize(1);
        JsonNode newest = JSON.readTree(alice.get(0));
        assertThat(newest.path("event").asText()).isEqualTo("balance");
        assertThat(newest.path("balance").asLong()).isEqualTo(4_950);
        assertThat(newest.path("at").asLong()).isEqualTo(999_300);
        assertThat(bob).extracting(f -> JSON.readTree(f).path("balance").asLong()).containsExactly(700L);

        push.onBalance(101, 4_800, "EUR", 999_400);
        assertThat(balanceSends).as("sent: the next change is due again").hasSize(1);
        balanceSends.remove(0).run();
        assertThat(alice).extracting(f -> JSON.readTree(f).path("balance").asLong()).containsExactly(4_950L, 4_800L);
    }

    private static TableEvent bet(String table, long round, long player, long stake) {
        return new TableEvent(TableEvent.Type.BET_PLACED, table, round, player, stake, -1, "RED " + stake, 999_000);
    }

    private static List<JsonNode> placed(String frame) throws Exception {
        List<JsonNode> bets = new ArrayList<>();
        JSON.readTree(frame).path("placed").forEach(bets::add);
        return bets;
    }

    /** A connection of {@code playerId} seated at the table; its frames land in the returned list. */
    private List<String> seat(String tableId, long playerId) {
        List<String> frames = seat(tableId);
        Connection c = connections.atTable(tableId).stream().filter(x -> x.playerId() == 0).findFirst().orElseThrow();
        c.authenticate(playerId, "session-" + playerId, "EUR");
        connections.bindPlayer(c, playerId);
        return frames;
    }

    /** A connection seated at the table whose frames land in the returned list. */
    private List<String> seat(String tableId) {
        List<String> frames = new ArrayList<>();
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        frames.add((String) args[0]);
                        ((SendHandler) args[1]).onResult(new SendResult());
                    }
                    return null;
                });
        Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> remote;
                    case "getId" -> "s-" + tableId + "-" + frames.hashCode();
                    case "isOpen" -> true;
                    default -> null;
                });
        Connection c = new Connection(session, "127.0.0.1", new RateLimiter(10, 10, 0), 64, Runnable::run, () -> { });
        connections.add(c);
        connections.seat(c, tableId);
        return frames;
    }

    /** Records what Push schedules; the test runs it when it decides the time has come. */
    private ScheduledExecutorService timer() {
        return (ScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("schedule") && args[0] instanceof Runnable r) {
                        timers.add(r);
                        timerDelaysMs.add((Long) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class MutableClock extends Clock {
        private long millis;

        MutableClock(long millis) {
            this.millis = millis;
        }

        void advance(long ms) {
            millis += ms;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
