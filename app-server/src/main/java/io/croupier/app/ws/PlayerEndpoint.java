package io.croupier.app.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.glassfish.tyrus.core.TyrusSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The players' endpoint. One instance serves every connection; per-connection state is the {@link Connection} kept
 * in the session's user properties. Public because Tyrus calls its methods by reflection. Only text frames are accepted (a binary frame closes with 1003); a text frame
 * above {@code frameBytesMax} closes with 1009 (Tyrus enforces the buffer size set here).
 */
public final class PlayerEndpoint extends Endpoint {
    private static final Logger log = LoggerFactory.getLogger(PlayerEndpoint.class);
    static final String CONNECTION = "croupier.connection";
    static final String FORWARDED_FOR = "croupier.forwardedFor";

    private final WsProperties properties;
    private final Connections connections;
    private final Protocol protocol;
    private final EdgeMetrics metrics;
    private final Executor closer;
    private final ClientAddress clientAddress;

    PlayerEndpoint(WsProperties properties, Connections connections, Protocol protocol, EdgeMetrics metrics,
                   Executor closer, ClientAddress clientAddress) {
        this.properties = properties;
        this.connections = connections;
        this.protocol = protocol;
        this.metrics = metrics;
        this.closer = closer;
        this.clientAddress = clientAddress;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(properties.frameBytesMax());
        session.setMaxBinaryMessageBufferSize(1024);
        Connection c = new Connection(session, remoteAddress(session),
                new RateLimiter(properties.rateMessagesPerSecond(), properties.rateBurstMessages(), System.nanoTime()),
                properties.outboundQueueMessagesMax(), closer, metrics::closedSlow);
        session.getUserProperties().put(CONNECTION, c);
        connections.add(c);
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong ->
                c.heard(System.nanoTime()));
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            c.heard(System.nanoTime());
            // Tyrus applies the buffer size to single frames; a message sent in fragments (as browsers may) is
            // checked here, whole.
            if (utf8Bytes(text) > properties.frameBytesMax()) {
                c.close(CloseReason.CloseCodes.TOO_BIG, "message larger than " + properties.frameBytesMax() + " bytes");
                return;
            }
            protocol.onText(c, text);
        });
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        Object c = session.getUserProperties().get(CONNECTION);
        if (c instanceof Connection connection) {
            connections.remove(connection);
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        log.debug("WebSocket {}: {}", session.getId(), failure.toString());
    }

    /** UTF-8 length without encoding: 1 byte below U+0080, 2 below U+0800, 4 for a surrogate pair, else 3. */
    static long utf8Bytes(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                bytes += 1;
            } else if (ch < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(ch) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * The client's address: the socket's peer, or, when that peer is a trusted proxy, the address it saw
     * ({@link ClientAddress}).
     */
    private String remoteAddress(Session session) {
        Object forwarded = session.getUserProperties().get(FORWARDED_FOR);
        List<String> values = new ArrayList<>();
        if (forwarded instanceof List<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        }
        return clientAddress.resolve(session instanceof TyrusSession t ? t.getRemoteAddr() : null, values);
    }
}
