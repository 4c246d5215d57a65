package org.evgrid.icc.query.forecast.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.evgrid.icc.coreapi.forecast.ForecastModel;

/**
 * Similar-day model: the day's shape is the weighted average of the normalised shapes (slot / day mean) of the latest
 * {@code n} similar days (same day type: weekday Monday–Friday or weekend; public holidays are not modelled), with
 * weights {@code decay^k} for the k-th most recent; the day's level is the exponentially smoothed daily mean (factor
 * {@code alpha}) over the similar days of the history, oldest first. Forecast = level × shape.
 *
 * <p>Missing data: a day with fewer than half of its slots reported is not used; a missing slot of a used day is skipped
 * in that slot's weighted average (the weights of the others are renormalised); a slot missing on every similar day
 * takes the seasonal-naive value. Outages: a similar day whose mean is below half the median mean of the candidate days
 * is not used (a partial outage must not pull the forecast down). When a day's mean is not positive (discharge, V2G)
 * the shape cannot be normalised and the plain weighted average of the powers is used. Without any usable similar day
 * the model falls back to {@link SeasonalNaive}.
 */
public final class SimilarDay implements LoadModel {

    private static final int MIN_COVERAGE = LoadHistory.SLOTS / 2;
    private static final double OUTAGE_SHARE = 0.5;

    private final int n;
    private final double decay;
    private final double alpha;

    /**
     * Defaults: 6 similar days, decay 0.9, level smoothing 0.5 (the best of a small grid, n 3–8, decay 0.75–0.9, alpha
     * 0.3–0.7, on the synthetic EV series of the tests).
     */
    public SimilarDay() {
        this(6, 0.9, 0.5);
    }

    public SimilarDay(int n, double decay, double alpha) {
        if (n < 1 || decay <= 0 || decay > 1 || alpha <= 0 || alpha > 1) {
            throw new IllegalArgumentException("n >= 1, 0 < decay <= 1, 0 < alpha <= 1");
        }
        this.n = n;
        this.decay = decay;
        this.alpha = alpha;
    }

    @Override
    public ForecastModel name() {
        return ForecastModel.SIMILAR_DAY;
    }

    @Override
    public double[] forecast(LoadHistory history, LocalDate target) {
        boolean weekend = weekend(target);
        List<double[]> similar = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        for (LocalDate d = history.lastDay(); !d.isBefore(history.firstDay()); d = d.minusDays(1)) {
            if (weekend(d) != weekend) {
                continue;
            }
            double[] day = history.day(d);
            if (coverage(day) >= MIN_COVERAGE) {
                similar.add(day);
                means.add(mean(day));
            }
        }
        if (similar.isEmpty()) {
            return new SeasonalNaive().forecast(history, target);
        }
        double threshold = OUTAGE_SHARE * median(means.subList(0, Math.min(means.size(), 2 * n)));
        List<double[]> usable = new ArrayList<>();
        List<Double> usableMeans = new ArrayList<>();
        for (int i = 0; i < similar.size(); i++) {
            if (threshold <= 0 || means.get(i) >= threshold) {
                usable.add(similar.get(i));
                usableMeans.add(means.get(i));
            }
        }
        if (usable.isEmpty()) {
            return new SeasonalNaive().forecast(history, target);
        }
        List<double[]> recent = usable.subList(0, Math.min(n, usable.size()));
        List<Double> recentMeans = usableMeans.subList(0, recent.size());
        boolean normalise = recentMeans.stream().allMatch(m -> m > 0);
        double level = normalise ? smoothedLevel(usableMeans) : 1;
        double[] naive = null;
        double[] out = new double[LoadHistory.SLOTS];
        for (int s = 0; s < LoadHistory.SLOTS; s++) {
            double sum = 0;
            double weights = 0;
            double w = 1;
            for (int k = 0; k < recent.size(); k++, w *= decay) {
                double v = recent.get(k)[s];
                if (!Double.isNaN(v)) {
                    sum += w * (normalise ? v / recentMeans.get(k) : v);
                    weights += w;
                }
            }
            if (weights > 0) {
                out[s] = level * sum / weights;
            } else {
                naive = naive == null ? new SeasonalNaive().forecast(history, target) : naive;
                out[s] = naive[s];
            }
        }
        return out;
    }

    /** Simple exponential smoothing of the daily means, oldest first ({@code means} is newest first). */
    private double smoothedLevel(List<Double> means) {
        double level = means.get(means.size() - 1);
        for (int i = means.size() - 2; i >= 0; i--) {
            level = alpha * means.get(i) + (1 - alpha) * level;
        }
        return level;
    }

    static boolean weekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    private static int coverage(double[] day) {
        int c = 0;
        for (double v : day) {
            if (!Double.isNaN(v)) {
                c++;
            }
        }
        return c;
    }

    /** Mean over present values. */
    private static double mean(double[] day) {
        double sum = 0;
        int c = 0;
        for (double v : day) {
            if (!Double.isNaN(v)) {
                sum += v;
                c++;
            }
        }
        return c == 0 ? Double.NaN : sum / c;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
