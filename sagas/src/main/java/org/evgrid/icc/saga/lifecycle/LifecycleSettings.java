package org.evgrid.icc.saga.lifecycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the trading lifecycle saga; infra provides one instance as a bean.
 *
 * <p>{@code intervalGrace}: how long after a quarter hour ends its execution is assessed (late telemetry);
 * {@code tolerancePercent}: the deviation tolerance given to every plan; {@code retryDelay}: the wait before a failed
 * step is tried again; {@code queryTimeout}: the longest wait for an answer to an internal query; {@code maxRetries}: how
 * often one step is retried before the saga gives up on it (logged as an error).
 */
public final class LifecycleSettings {

    private final Duration intervalGrace;
    private final BigDecimal tolerancePercent;
    private final Duration retryDelay;
    private final Duration queryTimeout;
    private final int maxRetries;

    public LifecycleSettings(Duration intervalGrace, BigDecimal tolerancePercent, Duration retryDelay, Duration queryTimeout,
                             int maxRetries) {
        this.intervalGrace = requirePositiveOrZero(intervalGrace, "intervalGrace");
        this.tolerancePercent = Objects.requireNonNull(tolerancePercent, "tolerancePercent");
        this.retryDelay = requirePositive(retryDelay, "retryDelay");
        this.queryTimeout = requirePositive(queryTimeout, "queryTimeout");
        if (maxRetries < 1) {
            throw new IllegalArgumentException("maxRetries must be at least 1");
        }
        this.maxRetries = maxRetries;
    }

    /** Grace PT10M, tolerance 3 %, retry after PT1M, queries wait at most PT30S, at most 60 retries of one step. */
    public static LifecycleSettings defaults() {
        return new LifecycleSettings(Duration.ofMinutes(10), BigDecimal.valueOf(3), Duration.ofMinutes(1), Duration.ofSeconds(30),
                60);
    }

    public Duration intervalGrace() {
        return intervalGrace;
    }

    public BigDecimal tolerancePercent() {
        return tolerancePercent;
    }

    public Duration retryDelay() {
        return retryDelay;
    }

    public Duration queryTimeout() {
        return queryTimeout;
    }

    public int maxRetries() {
        return maxRetries;
    }

    private static Duration requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
        return d;
    }

    private static Duration requirePositiveOrZero(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }
}
