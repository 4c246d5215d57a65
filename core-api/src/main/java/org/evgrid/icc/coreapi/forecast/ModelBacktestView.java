package org.evgrid.icc.coreapi.forecast;

import java.math.BigDecimal;

/**
 * The accuracy of one model over the test days: MAPE (%) over points whose actual exceeds the floor, MASE (MAE scaled by
 * the in-sample MAE of the 7-day seasonal naive forecast), MAE (kW), mean absolute peak error (%) and mean absolute peak
 * time shift (minutes). A metric is null when it cannot be computed (no usable points).
 */
public record ModelBacktestView(
        ForecastModel model,
        int days,
        int points,
        BigDecimal maeKw,
        BigDecimal mapePct,
        BigDecimal mase,
        BigDecimal peakErrorPct,
        BigDecimal peakShiftMinutes) {
}
