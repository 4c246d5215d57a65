package org.evgrid.icc.coreapi.telemetry;

import java.util.List;

import org.evgrid.icc.coreapi.archive.PileDimension;

/** Load statistics of an operator or a unit: the period's figures and comparisons with last week, month and year. */
public record LoadStatisticsView(
        PileDimension dimension,
        String key,
        LoadFigures current,
        List<LoadComparison> comparisons) {
}
