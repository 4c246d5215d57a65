package org.evgrid.icc.coreapi.forecast;

import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.PileDimension;

/**
 * The backtest of every model over the test days [testFrom, testTo], with the history used and how the metrics are
 * defined ({@code method}).
 */
public record ForecastBacktestView(
        PileDimension dimension,
        String key,
        LocalDate historyFrom,
        LocalDate testFrom,
        LocalDate testTo,
        List<ModelBacktestView> models,
        String method) {
}
