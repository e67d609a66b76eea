package io.croupier.app.ws;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * Sends every text frame back: the same transport, container and threads as the players' endpoint with no work
 * behind it. It is the baseline the edge benchmark compares spins against, deployed only when
 * {@code croupier.app.ws.echo-path} names a path (off by default: it answers anyone, unauthenticated, unlimited).
 */
public final class EchoEndpoint extends Endpoint {
    private final int frameBytesMax;

    EchoEndpoint(int frameBytesMax) {
        this.frameBytesMax = frameBytesMax;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(frameBytesMax);
        session.addMessageHandler(String.class,
                (MessageHandler.Whole<String>) text -> session.getAsyncRemote().sendText(text));
    }
}
