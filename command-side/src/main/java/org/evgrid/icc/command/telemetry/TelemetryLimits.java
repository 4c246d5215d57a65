package org.evgrid.icc.command.telemetry;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The tunable limits of telemetry ingestion. Infra may provide a bean of this type from its properties; without one,
 * {@link #defaults()} apply.
 *
 * @param maxAge how old a reported interval or day may be (default 31 days)
 * @param clockSkew how far ahead of the center's clock a platform's times may be (default 60 s)
 * @param tolerance how far above a pile's rated power readings may go, as a factor (default 1.1)
 */
public record TelemetryLimits(Duration maxAge, Duration clockSkew, BigDecimal tolerance) {

    public TelemetryLimits {
        if (maxAge == null || maxAge.isNegative() || clockSkew == null || clockSkew.isNegative()
                || tolerance == null || tolerance.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("telemetry limits need a max age and clock skew >= 0 and a tolerance >= 1");
        }
    }

    /** 31 days, 60 s, 1.1. */
    public static TelemetryLimits defaults() {
        return new TelemetryLimits(Duration.ofDays(31), Duration.ofSeconds(60), new BigDecimal("1.1"));
    }
}
