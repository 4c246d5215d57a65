package org.evgrid.icc.coreapi.forecast;

import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for one published forecast by id; answers {@link ForecastView}. */
public record FindForecastQuery(
        Viewer viewer,
        ForecastId forecastId) {
}
