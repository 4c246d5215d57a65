package org.evgrid.icc.infra.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs at the real rate from a starting point a test chooses and can be moved forward, so a test can walk
 * through a trading day (gate closure, clearing, interval ends, day end) in minutes. Thread-safe.
 */
public final class MovableClock extends Clock {

    private volatile Duration offset;

    /** A clock that shows {@code start} now and runs on from there. */
    public MovableClock(Instant start) {
        this.offset = Duration.between(Instant.now(), start);
    }

    /** Moves the clock so that it shows {@code to} now; never backwards. */
    public synchronized void moveTo(Instant to) {
        Instant now = instant();
        if (to.isBefore(now)) {
            throw new IllegalArgumentException("the clock only moves forward: " + to + " is before " + now);
        }
        offset = offset.plus(Duration.between(now, to));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the movable clock is UTC only");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
