package org.evgrid.icc.coreapi.forecast;

import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.security.Viewer;

/**
 * Backtests every forecast model on a unit or dispatch area over its last {@code days} complete days (rolling origin:
 * each day is forecast as it would have been on the morning before); read-only, answers {@link ForecastBacktestView}.
 */
public record BacktestForecastQuery(
        Viewer viewer,
        PileDimension dimension,
        String key,
        int days) {
}
