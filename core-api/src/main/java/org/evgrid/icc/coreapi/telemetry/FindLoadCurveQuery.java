package org.evgrid.icc.coreapi.telemetry;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.security.Viewer;

/**
 * Asks for the load curve of one dimension key (operator, unit, dispatch area, province, city, district, or a
 * single pile when dimension is null and key is a pile id) over local days [from, to], at 5, 15 or 60 minute
 * resolution.
 */
public record FindLoadCurveQuery(
        Viewer viewer,
        PileDimension dimension,
        String key,
        LocalDate from,
        LocalDate to,
        int resolutionMinutes) {
}
