package org.evgrid.icc.command.forecast;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.command.forecast.internal.ForecastRules;
import org.evgrid.icc.coreapi.forecast.ForecastModel;
import org.evgrid.icc.coreapi.forecast.ForecastRequestId;
import org.evgrid.icc.coreapi.forecast.ForecastRequestedEvent;
import org.evgrid.icc.coreapi.forecast.RequestForecastCommand;

/**
 * An on-demand forecast request, stream {@code forecast-request:<request id>}. It only records the request; the query
 * side's forecasting processor computes the forecast and publishes it signed by the center ({@code PublishForecast}).
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class ForecastRequest {

    @AggregateIdentifier
    private String streamId;
    private ForecastRequestId requestId;

    /** For Axon. */
    public ForecastRequest() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestForecastCommand command) {
        ForecastRules.target(command.dimension(), command.key());
        if (command.tradingDay() == null) {
            throw Texts.missing("tradingDay", "交易日", "trading day").exception();
        }
        if (requestId != null) {
            throw Refusal.conflict("ICC-FC-REQUEST-EXISTS", "requestId",
                    "预测请求 " + requestId + " 已提交过", "Forecast request " + requestId + " was already made",
                    "Use a new request id for a new request").exception();
        }
        ForecastModel model = command.model() == null ? ForecastModel.SIMILAR_DAY : command.model();
        apply(new ForecastRequestedEvent(command.requestId(), command.dimension(), command.key(), command.tradingDay(), model));
    }

    @EventSourcingHandler
    void on(ForecastRequestedEvent event) {
        streamId = StreamIds.of(event.requestId());
        requestId = event.requestId();
    }
}
