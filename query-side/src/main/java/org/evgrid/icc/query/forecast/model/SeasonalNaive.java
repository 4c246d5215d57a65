package org.evgrid.icc.query.forecast.model;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.forecast.ForecastModel;

/**
 * Baseline: each slot is the same slot seven days earlier. Missing values: the same slot 14, 21, then 28 days earlier;
 * if all four are missing, the mean of that slot over every day of the history; if the slot was never reported, 0.
 */
public final class SeasonalNaive implements LoadModel {

    private static final int WEEKS_BACK = 4;

    @Override
    public ForecastModel name() {
        return ForecastModel.SEASONAL_NAIVE_7D;
    }

    @Override
    public double[] forecast(LoadHistory history, LocalDate target) {
        double[] out = new double[LoadHistory.SLOTS];
        for (int s = 0; s < LoadHistory.SLOTS; s++) {
            double v = Double.NaN;
            for (int w = 1; w <= WEEKS_BACK && Double.isNaN(v); w++) {
                v = history.value(target.minusDays(7L * w), s);
            }
            out[s] = Double.isNaN(v) ? slotMean(history, s) : v;
        }
        return out;
    }

    /** The mean of a slot over the history's present values, 0 if none. */
    static double slotMean(LoadHistory history, int slot) {
        double sum = 0;
        int n = 0;
        for (LocalDate d = history.firstDay(); !d.isAfter(history.lastDay()); d = d.plusDays(1)) {
            double v = history.value(d, slot);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
