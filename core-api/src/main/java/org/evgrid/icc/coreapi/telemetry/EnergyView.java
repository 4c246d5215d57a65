package org.evgrid.icc.coreapi.telemetry;

import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.PileDimension;

/** The energy of one dimension key by day or by month, in time order, with the range's totals. */
public record EnergyView(
        PileDimension dimension,
        String key,
        LocalDate from,
        LocalDate to,
        boolean monthly,
        List<EnergyPoint> points,
        EnergyPoint total) {
}
