package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The energy of one day or month (period starting at start): energy integrated from 5-minute power (kWh, 3 decimals),
 * metered energy from daily energy reports, charging orders (count, energy, fees in CNY), and the peak of the summed
 * 5-minute power with its interval start (null when nothing reported).
 */
public record EnergyPoint(
        LocalDate start,
        BigDecimal powerEnergyKwh,
        BigDecimal meteredKwh,
        long orderCount,
        BigDecimal orderKwh,
        BigDecimal orderFeeYuan,
        BigDecimal peakKw,
        Instant peakAt) {
}
