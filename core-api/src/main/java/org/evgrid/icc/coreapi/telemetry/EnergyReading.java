package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;

import org.evgrid.icc.coreapi.archive.PileId;

/**
 * One pile's metered energy for a local day in kWh (3 decimals): total, and by time-of-use period where the
 * platform meters it (sharp peak, peak, flat, valley; all four or none).
 */
public record EnergyReading(
        PileId pileId,
        BigDecimal totalKwh,
        BigDecimal sharpKwh,
        BigDecimal peakKwh,
        BigDecimal flatKwh,
        BigDecimal valleyKwh,
        DataQuality quality) {
}
