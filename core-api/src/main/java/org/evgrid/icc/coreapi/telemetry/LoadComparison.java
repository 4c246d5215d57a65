package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;

/**
 * The figures of an earlier period (basis: WEEK, MONTH or YEAR before) and how the current period differs from it:
 * absolute (current − earlier) and relative in percent (null when the earlier figure is zero or missing).
 */
public record LoadComparison(
        String basis,
        LoadFigures earlier,
        BigDecimal peakChangeKw,
        BigDecimal peakChangePercent,
        BigDecimal averageChangeKw,
        BigDecimal averageChangePercent,
        BigDecimal energyChangeKwh,
        BigDecimal energyChangePercent) {
}
