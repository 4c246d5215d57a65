package org.evgrid.icc.coreapi.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.PileDimension;

/**
 * A load curve: its points in time order (one per interval of the range, including intervals with no data), with
 * peak, average and load factor (average / peak) over the reported intervals.
 */
public record LoadCurveView(
        PileDimension dimension,
        String key,
        LocalDate from,
        LocalDate to,
        int resolutionMinutes,
        List<LoadPoint> points,
        BigDecimal peakKw,
        Instant peakAt,
        BigDecimal averageKw,
        BigDecimal loadFactor) {
}
