package org.evgrid.icc.query.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.evgrid.icc.coreapi.forecast.BacktestForecastQuery;
import org.evgrid.icc.coreapi.forecast.ForecastBacktestView;
import org.evgrid.icc.coreapi.forecast.ForecastModel;
import org.evgrid.icc.coreapi.forecast.ModelBacktestView;
import org.evgrid.icc.query.forecast.internal.ForecastAccess;
import org.evgrid.icc.query.forecast.internal.ForecastErrors;
import org.evgrid.icc.query.forecast.internal.LoadCurves;
import org.evgrid.icc.query.forecast.model.Backtest;
import org.evgrid.icc.query.forecast.model.LoadHistory;
import org.evgrid.icc.query.forecast.model.LoadModel;
import org.evgrid.icc.query.forecast.model.ModelScore;
import org.springframework.stereotype.Component;

/**
 * Backtests every model on the last {@code days} complete local days (read-only): history from the load-curve query,
 * rolling origin as in {@link Backtest} with the day-ahead gap of one day.
 */
@Component
public class ForecastBacktestQueries {

    /** The longest backtest. */
    public static final int MAX_DAYS = 60;
    static final String METHOD = "Rolling origin: each test day D is forecast from the 15-minute history up to D-2 (as issued on "
            + "the morning of D-1). MAE over points with an actual; MAPE over points whose actual exceeds max(1 kW, 5% of the "
            + "test days' peak); MASE = MAE / in-sample MAE of the 7-day seasonal naive forecast over the history before the "
            + "test days; peak error = mean |forecast peak - actual peak| / actual peak and mean |peak time shift| per day.";

    private final QueryGateway queryGateway;
    private final Clock clock;

    public ForecastBacktestQueries(QueryGateway queryGateway, Clock clock) {
        this.queryGateway = queryGateway;
        this.clock = clock;
    }

    @QueryHandler
    public ForecastBacktestView backtest(BacktestForecastQuery query) {
        ForecastAccess.check(query.viewer());
        ForecastAccess.target(query.dimension(), query.key());
        if (query.days() < 1 || query.days() > MAX_DAYS) {
            throw ForecastErrors.backtestDays(MAX_DAYS);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ForecastProcessing.ZONE);
        LocalDate testTo = today.minusDays(1);
        LocalDate testFrom = today.minusDays(query.days());
        LocalDate historyFrom = testFrom.minusDays(ForecastProcessing.TRAINING_DAYS);
        LoadHistory history = LoadCurves.fetch(queryGateway, ForecastProcessing.CENTER_VIEWER, query.dimension(), query.key(),
                historyFrom, testTo, ForecastProcessing.ZONE);
        if (!history.hasData()) {
            throw ForecastErrors.noHistory(query.key());
        }
        List<LoadModel> models = new ArrayList<>();
        for (ForecastModel name : ForecastModel.values()) {
            models.add(LoadModel.of(name));
        }
        List<ModelBacktestView> views = new ArrayList<>();
        for (ModelScore s : Backtest.run(history, models, testFrom, testTo, 1)) {
            views.add(new ModelBacktestView(s.model(), s.days(), s.points(), decimal(s.mae(), 3), decimal(s.mape(), 2),
                    decimal(s.mase(), 3), decimal(s.peakErrorPct(), 2), decimal(s.peakShiftMinutes(), 1)));
        }
        return new ForecastBacktestView(query.dimension(), query.key(), historyFrom, testFrom, testTo, views, METHOD);
    }

    private static BigDecimal decimal(double value, int scale) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP) : null;
    }
}
