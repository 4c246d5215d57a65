package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Load figures of a period [from, to]: peak of the summed 5-minute power and when, average over the reported
 * intervals, load factor (average / peak), energy integrated from power (kWh); figures are null when nothing reported.
 */
public record LoadFigures(
        LocalDate from,
        LocalDate to,
        BigDecimal peakKw,
        Instant peakAt,
        BigDecimal averageKw,
        BigDecimal loadFactor,
        BigDecimal energyKwh) {
}
