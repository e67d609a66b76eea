package io.croupier.app.ws;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * Tyrus's server container without a listener of its own: the edge's Grizzly HTTP server carries it (see
 * {@link io.croupier.app.web.HttpEdge}), so the web client, the metrics and the WebSocket share one port.
 * Tyrus's own Grizzly container would open a second listener that serves nothing but WebSockets and files.
 */
public final class EdgeContainer extends TyrusServerContainer {
    private final TyrusWebSocketEngine engine;

    EdgeContainer(int incomingBufferBytes) {
        super((Set<Class<?>>) Set.<Class<?>>of());
        this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(incomingBufferBytes).build();
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
