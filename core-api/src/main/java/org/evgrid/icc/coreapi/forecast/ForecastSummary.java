package org.evgrid.icc.coreapi.forecast;

import java.math.BigDecimal;
import java.time.Instant;

/** One published forecast in a version list (without its points). */
public record ForecastSummary(
        ForecastId forecastId,
        ForecastModel model,
        int version,
        boolean current,
        Instant issuedAt,
        BigDecimal energyKwh,
        BigDecimal peakKw) {
}
