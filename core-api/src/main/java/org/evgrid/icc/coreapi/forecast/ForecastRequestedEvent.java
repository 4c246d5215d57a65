package org.evgrid.icc.coreapi.forecast;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.PileDimension;

/** A forecast was requested; the model is never null here (the default is filled in). */
@Revision("1")
public record ForecastRequestedEvent(
        ForecastRequestId requestId,
        PileDimension dimension,
        String key,
        LocalDate tradingDay,
        ForecastModel model) {
}
