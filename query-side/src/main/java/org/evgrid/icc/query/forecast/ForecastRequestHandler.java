package org.evgrid.icc.query.forecast;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.forecast.ForecastRequestedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers on-demand forecast requests: computes the forecast and publishes it signed by the center. A refused
 * publication (e.g. no history) is logged and the request stays unanswered; a request is never answered again on
 * replay.
 */
@Component
@ProcessingGroup(ForecastProcessing.FORECASTING_GROUP)
public class ForecastRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastRequestHandler.class);

    private final ForecastPublisher publisher;

    public ForecastRequestHandler(ForecastPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    @DisallowReplay
    public void on(ForecastRequestedEvent event) {
        try {
            ForecastId id = publisher.publish(event.dimension(), event.key(), event.tradingDay(), event.model());
            LOG.info("Forecast request {} answered with {}", event.requestId(), id);
        } catch (IccException e) {
            LOG.warn("Forecast request {} for {} {} on {} refused: {} {}", event.requestId(), event.dimension(), event.key(),
                    event.tradingDay(), e.code(), e.messageEn());
        }
    }
}
