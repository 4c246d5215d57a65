package org.evgrid.icc.coreapi.forecast;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for the current (latest published) forecast of a unit or dispatch area for a trading day; answers {@link ForecastView}. */
public record FindCurrentForecastQuery(
        Viewer viewer,
        PileDimension dimension,
        String key,
        LocalDate tradingDay) {
}
