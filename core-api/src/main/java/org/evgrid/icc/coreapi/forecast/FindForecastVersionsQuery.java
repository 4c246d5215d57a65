package org.evgrid.icc.coreapi.forecast;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.security.Viewer;

/** Lists every forecast published for a unit or dispatch area and trading day, all models; answers {@link ForecastVersionList}. */
public record FindForecastVersionsQuery(
        Viewer viewer,
        PileDimension dimension,
        String key,
        LocalDate tradingDay) {
}
