package org.evgrid.icc.ui.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: each holds up to {@code burst} tokens and refills at {@code perSecond} tokens a second; a
 * request takes one token. Buckets idle long enough to be full again are dropped, so the map does not grow without bound.
 */
public final class TokenBuckets {

    private static final int SWEEP_EVERY = 10_000;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private int calls;

    /**
     * @param perSecond sustained requests a second per client (above 0)
     * @param burst requests a client may send at once (1 and up)
     * @param clock the time source
     */
    public TokenBuckets(double perSecond, int burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("icc.security.rate-limit: requests-per-second must be above 0 and burst at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /**
     * Takes a token for the client.
     *
     * @return 0 when the request may pass, else the whole seconds to wait before a token is available (at least 1)
     */
    public long take(String client) {
        long now = clock.millis();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.refill(now, perSecond, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double missing = 1 - bucket.tokens;
            return Math.max(1, (long) Math.ceil(missing / perSecond));
        }
    }

    private void sweep(long now) {
        boolean due;
        synchronized (this) {
            due = ++calls % SWEEP_EVERY == 0;
        }
        if (due) {
            long full = (long) Math.ceil(burst / perSecond * 1000);
            buckets.entrySet().removeIf(e -> now - e.getValue().at > full);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        void refill(long now, double perSecond, double burst) {
            if (now > at) {
                tokens = Math.min(burst, tokens + (now - at) / 1000.0 * perSecond);
                at = now;
            }
        }
    }
}
