package org.evgrid.icc.coreapi.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Publishes a day-ahead forecast of one aggregation unit or dispatch area, signed by the center's service key.
 *
 * @param forecastId {@link ForecastId#of} of the other fields
 * @param dimension {@code UNIT} or {@code DISPATCH_AREA}
 * @param key the unit id or dispatch area id
 * @param tradingDay the local day (Asia/Shanghai) forecast
 * @param model the model that made it
 * @param version 1 for the first forecast of this key, day and model, then 2, 3, …
 * @param trainingFrom first local day of the history used
 * @param trainingTo last local day of the history used (before the trading day)
 * @param issuedAt when the forecast was made
 * @param pointsKw 96 average powers in kW (3 decimals) of the day's 15-minute intervals from 00:00
 * @param energyKwh the day's energy: the sum of the points times 0.25 h (3 decimals)
 * @param dischargeAllowed true when the key has V2G piles (its history shows discharge): points may then be negative
 */
@SignedBy(Role.CENTER_SERVICE)
public record PublishForecastCommand(
        @TargetAggregateIdentifier ForecastId forecastId,
        PileDimension dimension,
        String key,
        LocalDate tradingDay,
        ForecastModel model,
        int version,
        LocalDate trainingFrom,
        LocalDate trainingTo,
        Instant issuedAt,
        List<BigDecimal> pointsKw,
        BigDecimal energyKwh,
        boolean dischargeAllowed) {
}
