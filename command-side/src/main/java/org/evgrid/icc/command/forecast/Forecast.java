package org.evgrid.icc.command.forecast;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.forecast.internal.ForecastRules;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.forecast.ForecastPublishedEvent;
import org.evgrid.icc.coreapi.forecast.PublishForecastCommand;

/**
 * One published day-ahead forecast, stream {@code forecast:<forecast id>}. It is published once and never
 * changes: a new forecast of the same day and model is a new version with its own id ({@code ICC-FC-EXISTS} otherwise).
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class Forecast {

    @AggregateIdentifier
    private String streamId;
    private ForecastId forecastId;

    /** For Axon. */
    public Forecast() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PublishForecastCommand command) {
        List<BigDecimal> points = ForecastRules.publication(command);
        if (forecastId != null) {
            throw Refusal.conflict("ICC-FC-EXISTS", "forecastId",
                    "预测 " + forecastId + " 已发布，发布后不可更改",
                    "Forecast " + forecastId + " is already published and cannot change",
                    "Publish a new version (the next v<n> of the id)").exception();
        }
        apply(new ForecastPublishedEvent(command.forecastId(), command.dimension(), command.key(), command.tradingDay(),
                command.model(), command.version(), command.trainingFrom(), command.trainingTo(), command.issuedAt(), points,
                command.energyKwh().setScale(3)));
    }

    @EventSourcingHandler
    void on(ForecastPublishedEvent event) {
        streamId = StreamIds.of(event.forecastId());
        forecastId = event.forecastId();
    }
}
