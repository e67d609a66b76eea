package io.croupier.app.ws;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The players' WebSocket edge. Every bound has its unit in its name.
 *
 * @param path                      where players connect, on the HTTP port
 * @param echoPath                  a bare echo endpoint on the same stack, the baseline of the edge benchmark;
 *                                  empty = off (the default: it answers anyone, with no authentication or rate limit)
 * @param frameBytesMax             largest text message accepted; a bigger one closes the connection with 1009
 * @param outboundQueueMessagesMax  messages waiting to go out to one player; a client too slow to drain them is
 *                                  closed (1013) instead of slowing a broadcast down
 * @param rateMessagesPerSecond     sustained requests a connection may send per second (token bucket)...
 * @param rateBurstMessages         ...and how many it may send at once; above it a request gets RATE_LIMITED
 * @param idleTimeoutMs             a connection that sends nothing (not even a pong) for this long is closed
 * @param pingPeriodMs              the server pings every connection this often, so live clients are never idle
 * @param allowedOrigins            browser Origins allowed to connect ({@code *} = any); clients that send no
 *                                  Origin (not browsers) are allowed
 * @param requestThreads            threads for requests that wait on the grid (logins, seeds, table bets, history)
 * @param requestQueueMax           such requests waiting for a thread; above it a request gets OVERLOADED
 * @param requestTimeoutMs          a request the grid has not answered in this long gets SERVICE_UNAVAILABLE
 * @param tokenTtlMs                how long a session token is valid after login
 * @param bcryptCost                bcrypt work factor of password hashes (2^cost rounds; 10 ≈ 70 ms here)
 * @param currency                  currency of new players' wallets (ISO 4217)
 * @param trustedProxies            addresses or CIDR ranges of our own reverse proxies (nginx): only a connection
 *                                  from one of them has its {@code X-Forwarded-For} read for the client's address;
 *                                  anyone else's header is ignored (a client could claim any address)
 * @param betPushWindowMs           bets placed at a table within this long of its last {@code bets.placed} frame
 *                                  ride in the next one (the first after a quiet spell goes out at once)
 */
@ConfigurationProperties("croupier.app.ws")
public record WsProperties(
        @DefaultValue("/ws") String path,
        @DefaultValue("") String echoPath,
        @DefaultValue("16384") int frameBytesMax,
        @DefaultValue("1024") int outboundQueueMessagesMax,
        @DefaultValue("200") int rateMessagesPerSecond,
        @DefaultValue("400") int rateBurstMessages,
        @DefaultValue("120000") long idleTimeoutMs,
        @DefaultValue("30000") long pingPeriodMs,
        @DefaultValue({"http://localhost:8080", "http://127.0.0.1:8080"}) List<String> allowedOrigins,
        @DefaultValue("16") int requestThreads,
        @DefaultValue("4096") int requestQueueMax,
        @DefaultValue("5000") long requestTimeoutMs,
        @DefaultValue("86400000") long tokenTtlMs,
        @DefaultValue("10") int bcryptCost,
        @DefaultValue("EUR") String currency,
        @DefaultValue({"127.0.0.1", "::1"}) List<String> trustedProxies,
        @DefaultValue("20") long betPushWindowMs) {

    public WsProperties {
        require(path.startsWith("/") && path.length() > 1, "path must start with / and not be /: " + path);
        require(echoPath.isEmpty() || echoPath.startsWith("/") && !echoPath.equals(path), "bad echo-path " + echoPath);
        require(frameBytesMax >= 1024 && frameBytesMax <= 1 << 20, "frame-bytes-max must be in 1024..1048576");
        require(outboundQueueMessagesMax >= 16 && outboundQueueMessagesMax <= 100_000,
                "outbound-queue-messages-max must be in 16..100000");
        require(rateMessagesPerSecond >= 1 && rateBurstMessages >= rateMessagesPerSecond,
                "rate-messages-per-second >= 1 and rate-burst-messages >= it");
        require(pingPeriodMs >= 1000 && idleTimeoutMs > pingPeriodMs,
                "ping-period-ms >= 1000 and idle-timeout-ms > ping-period-ms");
        require(requestThreads >= 1 && requestThreads <= 512, "request-threads must be in 1..512");
        require(requestQueueMax >= 1, "request-queue-max must be >= 1");
        require(requestTimeoutMs >= 100 && requestTimeoutMs <= 60_000, "request-timeout-ms must be in 100..60000");
        require(tokenTtlMs >= 60_000, "token-ttl-ms must be >= 60000");
        require(bcryptCost >= 4 && bcryptCost <= 16, "bcrypt-cost must be in 4..16");
        require(currency.matches("[A-Z]{3}"), "currency must be an ISO 4217 code");
        require(betPushWindowMs >= 0 && betPushWindowMs <= 1_000, "bet-push-window-ms must be in 0..1000");
        new ClientAddress(trustedProxies); // refuses to start on an entry that is not an address or range
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("croupier.app.ws: " + message);
        }
    }

    boolean originAllowed(String origin) {
        return origin == null || origin.isEmpty() || allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    }
}
