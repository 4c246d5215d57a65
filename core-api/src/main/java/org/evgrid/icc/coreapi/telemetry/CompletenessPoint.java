package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;
import java.time.Instant;

/** One interval's completeness: reporting piles, active piles and their ratio (4 decimals; null when no pile is active). */
public record CompletenessPoint(
        Instant start,
        int reporting,
        long active,
        BigDecimal ratio) {
}
