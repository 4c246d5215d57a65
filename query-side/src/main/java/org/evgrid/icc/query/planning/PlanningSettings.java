package org.evgrid.icc.query.planning;

import java.math.BigDecimal;

/**
 * Settings of the planning queries (infra may provide a bean; without one {@link #defaults()} applies).
 *
 * @param onlineWindowSlots how many of the last completed 5-minute intervals a pile must have reported in to count as
 *                          online (the newest reading in them decides the connector status)
 * @param completenessThreshold the share of expected piles that must have reported for an interval's telemetry to be
 *                              complete (0..1)
 * @param maxDetailPiles above this many scheduled piles, interval actuals give the unit total only (no per-pile and
 *                       per-operator detail)
 */
public record PlanningSettings(int onlineWindowSlots, BigDecimal completenessThreshold, int maxDetailPiles) {

    public PlanningSettings {
        if (onlineWindowSlots < 1 || onlineWindowSlots > 288) {
            throw new IllegalArgumentException("onlineWindowSlots must be between 1 and 288 (one day)");
        }
        if (completenessThreshold == null || completenessThreshold.signum() < 0 || completenessThreshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("completenessThreshold must be between 0 and 1");
        }
        if (maxDetailPiles < 0) {
            throw new IllegalArgumentException("maxDetailPiles must not be negative");
        }
    }

    /** Online window 3 intervals (15 minutes), completeness threshold 0.9, per-pile detail up to 50,000 piles. */
    public static PlanningSettings defaults() {
        return new PlanningSettings(3, new BigDecimal("0.9"), 50_000);
    }
}
