package org.evgrid.icc.query.forecast.model;

import org.evgrid.icc.coreapi.forecast.ForecastModel;

/**
 * The backtest accuracy of one model; a metric is {@code NaN} when it cannot be computed.
 *
 * @param model the model
 * @param days test days forecast
 * @param points quarter-hour points with an actual value (MAE and MASE are over these)
 * @param mae mean absolute error, kW
 * @param mape mean absolute percentage error, %, over the points whose actual exceeds the floor
 * @param mase MAE divided by the in-sample MAE of the seven-day seasonal naive forecast over the history before the test
 * @param peakErrorPct mean over the days of |forecast peak − actual peak| / actual peak, %
 * @param peakShiftMinutes mean over the days of |forecast peak time − actual peak time|, minutes
 */
public record ModelScore(
        ForecastModel model,
        int days,
        int points,
        double mae,
        double mape,
        double mase,
        double peakErrorPct,
        double peakShiftMinutes) {
}
