package io.croupier.app.ws;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * Tyrus's server container without a listener of its own: the edge's Grizzly HTTP server carries it (see
 * {@link io.croupier.app.web.HttpEdge}), so the web client, the metrics and the WebSocket share one port.
 * Tyrus's own Grizzly container would open a second listener that serves nothing but WebSockets and files.
 *
 * <p>The container's timer is one that drops a task when it is cancelled. Tyrus (2.2) re-arms a session's idle timer
 * on every frame in or out: it cancels the previous task and schedules a new one, and a
 * {@link ScheduledThreadPoolExecutor} keeps cancelled tasks queued until their time unless told otherwise. On Tyrus's
 * default timer, with a 2-minute idle timeout and thousands of frames a second, the queue held 4.4 million dead tasks
 * (430 MB of live heap that the collector marked again and again); on this one it holds one task per session.
 */
public final class EdgeContainer extends TyrusServerContainer {
    private final TyrusWebSocketEngine engine;
    private final ScheduledThreadPoolExecutor timer;

    EdgeContainer(int incomingBufferBytes, ThreadFactory timerThreads) {
        super((Set<Class<?>>) Set.<Class<?>>of());
        this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(incomingBufferBytes).build();
        this.timer = new ScheduledThreadPoolExecutor(1, timerThreads);
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledExecutorService getScheduledExecutorService() {
        return timer;
    }

    /** Tasks waiting on the timer: one per open session (its idle timer), not one per frame. */
    int timerTasks() {
        return timer.getQueue().size();
    }

    @Override
    public void stop() {
        try {
            super.stop();
        } finally {
            timer.shutdownNow();
        }
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, "");
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, "");
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }
}
