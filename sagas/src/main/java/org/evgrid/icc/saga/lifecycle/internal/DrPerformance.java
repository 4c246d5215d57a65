package org.evgrid.icc.saga.lifecycle.internal;

import java.math.BigDecimal;
import java.util.List;

/** A unit's demand response performance: 96 points each in kW (null outside the event) and the energy totals in kWh. */
public record DrPerformance(
        List<BigDecimal> baselineKw,
        List<BigDecimal> actualKw,
        List<BigDecimal> performanceKw,
        BigDecimal deliveredKwh,
        BigDecimal committedKwh) {
}
