package org.evgrid.icc.query.forecast.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin backtest: each test day D is forecast from the history up to D − 1 − {@code gapDays} only ({@code
 * gapDays} = 1 mirrors a day-ahead forecast issued on the morning of D − 1, when D − 1 is not complete), and compared
 * with the actual curve of D.
 *
 * <ul>
 * <li>MAE: mean |forecast − actual| over every point of the test days with an actual value (missing actuals are
 * skipped).</li>
 * <li>MAPE: mean |forecast − actual| / actual × 100 over the points whose actual exceeds the floor, max(1 kW, 5 % of the
 * highest actual of the test days): night hours near zero would otherwise dominate.</li>
 * <li>MASE: MAE / scale, the scale being the in-sample MAE of the seven-day seasonal naive forecast over the history
 * before the first test day (mean |x(t) − x(t − 7 days)| over pairs with both values), so the baseline scores ≈ 1.</li>
 * <li>Peak: per test day with an actual, the forecast's highest point against the actual highest point (first one on
 * ties): |difference| / actual peak × 100 and |time shift| in minutes, averaged over the days.</li>
 * </ul>
 */
public final class Backtest {

    /** The MAPE floor as a share of the test days' highest actual. */
    public static final double MAPE_FLOOR_SHARE = 0.05;
    /** The smallest MAPE floor, kW. */
    public static final double MAPE_FLOOR_MIN_KW = 1.0;
    private static final int SLOT_MINUTES = 15;

    private Backtest() {
    }

    /** Scores each model over the test days [testFrom, testTo], which must lie in the history. */
    public static List<ModelScore> run(LoadHistory history, List<LoadModel> models, LocalDate testFrom, LocalDate testTo,
                                       int gapDays) {
        double scale = naiveScale(history.upTo(testFrom.minusDays(1)));
        double floor = mapeFloor(history, testFrom, testTo);
        List<ModelScore> scores = new ArrayList<>();
        for (LoadModel model : models) {
            List<double[]> forecasts = new ArrayList<>();
            List<double[]> actuals = new ArrayList<>();
            for (LocalDate d = testFrom; !d.isAfter(testTo); d = d.plusDays(1)) {
                forecasts.add(model.forecast(history.upTo(d.minusDays(1L + gapDays)), d));
                actuals.add(history.day(d));
            }
            scores.add(score(model, forecasts, actuals, scale, floor));
        }
        return scores;
    }

    /** The scores of given forecasts against actuals (one array of 96 per day; {@code NaN} actual = missing). */
    public static ModelScore score(LoadModel model, List<double[]> forecasts, List<double[]> actuals, double scale, double floor) {
        double absSum = 0;
        int points = 0;
        double pctSum = 0;
        int pctPoints = 0;
        double peakPctSum = 0;
        double shiftSum = 0;
        int peakDays = 0;
        for (int d = 0; d < forecasts.size(); d++) {
            double[] f = forecasts.get(d);
            double[] a = actuals.get(d);
            int actualPeak = -1;
            for (int s = 0; s < LoadHistory.SLOTS; s++) {
                if (Double.isNaN(a[s])) {
                    continue;
                }
                double err = Math.abs(f[s] - a[s]);
                absSum += err;
                points++;
                if (a[s] > floor) {
                    pctSum += err / a[s] * 100;
                    pctPoints++;
                }
                if (actualPeak < 0 || a[s] > a[actualPeak]) {
                    actualPeak = s;
                }
            }
            if (actualPeak >= 0 && a[actualPeak] > 0) {
                int forecastPeak = 0;
                for (int s = 1; s < LoadHistory.SLOTS; s++) {
                    if (f[s] > f[forecastPeak]) {
                        forecastPeak = s;
                    }
                }
                peakPctSum += Math.abs(f[forecastPeak] - a[actualPeak]) / a[actualPeak] * 100;
                shiftSum += Math.abs(forecastPeak - actualPeak) * SLOT_MINUTES;
                peakDays++;
            }
        }
        double mae = points == 0 ? Double.NaN : absSum / points;
        return new ModelScore(model.name(), forecasts.size(), points, mae,
                pctPoints == 0 ? Double.NaN : pctSum / pctPoints,
                points == 0 || !(scale > 0) ? Double.NaN : mae / scale,
                peakDays == 0 ? Double.NaN : peakPctSum / peakDays,
                peakDays == 0 ? Double.NaN : shiftSum / peakDays);
    }

    /** In-sample MAE of the seven-day seasonal naive forecast; {@code NaN} without any pair of values a week apart. */
    public static double naiveScale(LoadHistory history) {
        double sum = 0;
        int n = 0;
        for (LocalDate d = history.firstDay().plusDays(7); !d.isAfter(history.lastDay()); d = d.plusDays(1)) {
            for (int s = 0; s < LoadHistory.SLOTS; s++) {
                double x = history.value(d, s);
                double back = history.value(d.minusDays(7), s);
                if (!Double.isNaN(x) && !Double.isNaN(back)) {
                    sum += Math.abs(x - back);
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** max(1 kW, 5 % of the highest actual of the test days). */
    public static double mapeFloor(LoadHistory history, LocalDate testFrom, LocalDate testTo) {
        double peak = 0;
        for (LocalDate d = testFrom; !d.isAfter(testTo); d = d.plusDays(1)) {
            for (int s = 0; s < LoadHistory.SLOTS; s++) {
                double v = history.value(d, s);
                if (!Double.isNaN(v)) {
                    peak = Math.max(peak, v);
                }
            }
        }
        return Math.max(MAPE_FLOOR_MIN_KW, MAPE_FLOOR_SHARE * peak);
    }
}
