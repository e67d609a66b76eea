package io.croupier.app.ws;

/** A token bucket: {@code ratePerSecond} sustained, {@code burst} at once. One per connection; thread-safe. */
final class RateLimiter {
    private final double tokensPerNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    RateLimiter(int ratePerSecond, int burst, long nowNanos) {
        this.tokensPerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    synchronized boolean tryAcquire(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * tokensPerNano);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
