package org.evgrid.icc.coreapi.telemetry;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.security.Viewer;

/**
 * Asks for the load statistics of an operator (electricity user) or an aggregation unit over local days [from, to],
 * compared with the same period one week, one month and one year earlier.
 */
public record FindLoadStatisticsQuery(
        Viewer viewer,
        PileDimension dimension,
        String key,
        LocalDate from,
        LocalDate to) {
}
