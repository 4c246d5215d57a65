package org.evgrid.icc.coreapi.forecast;

import java.util.List;

/** The forecasts published for one key and trading day, oldest first; exactly one is current unless the list is empty. */
public record ForecastVersionList(
        List<ForecastSummary> items) {
}
