package org.evgrid.icc.saga.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The saga test fixture's time as a {@link Clock}; {@link #lagOnce} makes the next reading early, as when a deadline
 * fires before its due time.
 */
final class FixtureClock extends Clock {

    private final Supplier<Instant> time;
    private Duration lag = Duration.ZERO;

    FixtureClock(Supplier<Instant> time) {
        this.time = time;
    }

    void lagOnce(Duration lag) {
        this.lag = lag;
    }

    @Override
    public Instant instant() {
        Instant now = time.get().minus(lag);
        lag = Duration.ZERO;
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("fixture clock is UTC");
    }
}
