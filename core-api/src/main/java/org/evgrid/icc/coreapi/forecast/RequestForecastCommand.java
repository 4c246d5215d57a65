package org.evgrid.icc.coreapi.forecast;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Asks for a forecast now: the center computes it from the load history and publishes it signed by its service
 * key ({@link PublishForecastCommand}).
 *
 * @param requestId chosen by the requester; a repeated id is refused
 * @param dimension {@code UNIT} or {@code DISPATCH_AREA}
 * @param key the unit id or dispatch area id
 * @param tradingDay the local day to forecast
 * @param model the model to use; null for the center's default ({@link ForecastModel#SIMILAR_DAY})
 */
@SignedBy({Role.TRADER, Role.DISPATCHER})
public record RequestForecastCommand(
        @TargetAggregateIdentifier ForecastRequestId requestId,
        PileDimension dimension,
        String key,
        LocalDate tradingDay,
        ForecastModel model) {
}
