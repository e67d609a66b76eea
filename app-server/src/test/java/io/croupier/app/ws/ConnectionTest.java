package io.croupier.app.ws;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The outbound queue of one connection, against a session whose sends complete only when the test says so. */
class ConnectionTest {
    private final List<String> written = new ArrayList<>();
    private final List<SendHandler> pending = new ArrayList<>();
    private final AtomicReference<CloseReason> closed = new AtomicReference<>();
    private final AtomicInteger slowClosures = new AtomicInteger();
    private boolean completeAtOnce;

    private Connection connection(int queueMax) {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        written.add((String) args[0]);
                        SendHandler handler = (SendHandler) args[1];
                        if (completeAtOnce) {
                            handler.onResult(new SendResult());
                        } else {
                            pending.add(handler);
                        }
                    }
                    return null;
                });
        Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> remote;
                    case "getId" -> "s1";
                    case "isOpen" -> closed.get() == null;
                    case "close" -> {
                        closed.set(args == null ? null : (CloseReason) args[0]);
                        yield null;
                    }
                    default -> null;
                });
        return new Connection(session, "127.0.0.1", new RateLimiter(10, 10, 0), queueMax, Runnable::run,
                slowClosures::incrementAndGet);
    }

    @Test
    void oneSendIsInFlightAndTheNextGoesWhenItCompletes() {
        Connection c = connection(16);

        c.send("a");
        c.send("b");
        c.send("c");

        assertThat(written).containsExactly("a");
        assertThat(c.queued()).isEqualTo(2);
        pending.remove(0).onResult(new SendResult());
        assertThat(written).containsExactly("a", "b");
        pending.remove(0).onResult(new SendResult());
        pending.remove(0).onResult(new SendResult());
        assertThat(written).containsExactly("a", "b", "c");
        assertThat(c.queued()).isZero();
    }

    @Test
    void sendsThatCompleteOnTheCallingThreadDrainInOrderWithoutRecursion() {
        completeAtOnce = true;
        Connection c = connection(16);

        for (int i = 0; i < 10_000; i++) {
            c.send("m" + i);
        }

        assertThat(written).hasSize(10_000).startsWith("m0", "m1").endsWith("m9999");
    }

    @Test
    void aClientThatDoesNotDrainIsClosedWith1013AndTheSenderNeverBlocks() {
        Connection c = connection(16);

        boolean accepted = true;
        for (int i = 0; i < 100 && accepted; i++) {
            accepted = c.send("event " + i);
        }

        assertThat(accepted).isFalse();
        assertThat(closed.get().getCloseCode()).isEqualTo(CloseReason.CloseCodes.TRY_AGAIN_LATER);
        assertThat(closed.get().getReasonPhrase()).contains("outbound queue full");
        assertThat(slowClosures).hasValue(1);
        assertThat(c.send("after close")).isFalse();
    }
}
