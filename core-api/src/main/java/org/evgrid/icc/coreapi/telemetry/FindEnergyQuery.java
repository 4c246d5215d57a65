package org.evgrid.icc.coreapi.telemetry;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.security.Viewer;

/**
 * Asks for the energy of one dimension key over local days [from, to], one entry per day (monthly = false) or per
 * calendar month touched by the range (monthly = true).
 */
public record FindEnergyQuery(
        Viewer viewer,
        PileDimension dimension,
        String key,
        LocalDate from,
        LocalDate to,
        boolean monthly) {
}
