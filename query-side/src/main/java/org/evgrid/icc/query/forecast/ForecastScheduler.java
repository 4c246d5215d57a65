package org.evgrid.icc.query.forecast;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.evgrid.icc.coreapi.archive.AggregationUnitList;
import org.evgrid.icc.coreapi.archive.AggregationUnitView;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitsQuery;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.forecast.ForecastModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The day-ahead run: forecasts every aggregation unit and every dispatch area that has one (dispatch areas are taken
 * from the units, {@link FindAggregationUnitsQuery}) for tomorrow with the default model ({@link ForecastModel#SIMILAR_DAY})
 * and publishes each. Scheduled by the cron property {@code icc.forecast.cron} (default {@code 0 30 6 * * *}, China
 * Standard Time); infra enables scheduling. A refused key (e.g. no history) is logged and the run goes on.
 */
@Component
public class ForecastScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastScheduler.class);

    /** What a run published and what it could not. */
    public record Outcome(LocalDate tradingDay, List<ForecastId> published, List<String> refused) {
    }

    private final ForecastPublisher publisher;
    private final QueryGateway queryGateway;
    private final Clock clock;

    public ForecastScheduler(ForecastPublisher publisher, QueryGateway queryGateway, Clock clock) {
        this.publisher = publisher;
        this.queryGateway = queryGateway;
        this.clock = clock;
    }

    /** The scheduled run: tomorrow's forecasts. */
    @Scheduled(cron = "${icc.forecast.cron:0 30 6 * * *}", zone = "Asia/Shanghai")
    public void dayAhead() {
        Outcome outcome = runDayAhead(LocalDate.ofInstant(clock.instant(), ForecastProcessing.ZONE).plusDays(1));
        LOG.info("Day-ahead forecasts for {}: {} published, {} refused", outcome.tradingDay(), outcome.published().size(),
                outcome.refused().size());
    }

    /** Forecasts and publishes every unit and dispatch area for a trading day. */
    public Outcome runDayAhead(LocalDate tradingDay) {
        AggregationUnitList units = queryGateway.query(new FindAggregationUnitsQuery(ForecastProcessing.CENTER_VIEWER),
                ResponseTypes.instanceOf(AggregationUnitList.class)).join();
        TreeSet<String> areas = new TreeSet<>();
        List<ForecastId> published = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (AggregationUnitView unit : units.items()) {
            one(PileDimension.UNIT, unit.unitId().value(), tradingDay, published, refused);
            if (unit.dispatchAreaId() != null) {
                areas.add(unit.dispatchAreaId().value());
            }
        }
        for (String area : areas) {
            one(PileDimension.DISPATCH_AREA, area, tradingDay, published, refused);
        }
        return new Outcome(tradingDay, List.copyOf(published), List.copyOf(refused));
    }

    private void one(PileDimension dimension, String key, LocalDate day, List<ForecastId> published, List<String> refused) {
        try {
            published.add(publisher.publish(dimension, key, day, ForecastModel.SIMILAR_DAY));
        } catch (IccException e) {
            LOG.warn("No day-ahead forecast for {} {} on {}: {} {}", dimension, key, day, e.code(), e.messageEn());
            refused.add(dimension + "|" + key + ": " + e.code());
        }
    }
}
