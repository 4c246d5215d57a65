package org.evgrid.icc.coreapi.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.PileDimension;

/**
 * A day-ahead forecast was published; the event's signature metadata names the center's service key, so later
 * deviation analysis can cite exactly this forecast.
 */
@Revision("1")
public record ForecastPublishedEvent(
        ForecastId forecastId,
        PileDimension dimension,
        String key,
        LocalDate tradingDay,
        ForecastModel model,
        int version,
        LocalDate trainingFrom,
        LocalDate trainingTo,
        Instant issuedAt,
        List<BigDecimal> pointsKw,
        BigDecimal energyKwh) {
}
