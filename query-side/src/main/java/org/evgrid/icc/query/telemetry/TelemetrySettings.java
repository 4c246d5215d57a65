package org.evgrid.icc.query.telemetry;

import java.math.BigDecimal;

/**
 * Settings of the telemetry roll-ups: an operator's interval raises a completeness alarm when reporting / active piles
 * is below {@code completenessThreshold} (0..1, default 0.9), evaluated once intervals at least
 * {@code graceMinutes} (default 15) later arrive. Infra may declare a bean of this type; the defaults apply otherwise.
 */
public record TelemetrySettings(BigDecimal completenessThreshold, int graceMinutes) {

    public TelemetrySettings {
        if (completenessThreshold == null || completenessThreshold.signum() < 0 || completenessThreshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("completenessThreshold must be between 0 and 1");
        }
        if (graceMinutes < 0) {
            throw new IllegalArgumentException("graceMinutes must not be negative");
        }
    }

    /** Threshold 0.9, grace 15 minutes. */
    public static TelemetrySettings defaults() {
        return new TelemetrySettings(new BigDecimal("0.9"), 15);
    }
}
