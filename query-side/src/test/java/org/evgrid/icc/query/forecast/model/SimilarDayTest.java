package org.evgrid.icc.query.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SimilarDayTest {

    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);

    private static double[] shape(double scale, double offset) {
        double[] day = new double[LoadHistory.SLOTS];
        for (int s = 0; s < day.length; s++) {
            day[s] = scale * (100 + 50 * Math.sin(s / 10.0)) + offset;
        }
        return day;
    }

    /** Weekdays follow one shape, weekends the same shape 300 kW higher, for 28 days from a Monday. */
    private static double[][] regular() {
        double[][] days = new double[28][];
        for (int d = 0; d < 28; d++) {
            days[d] = SimilarDay.weekend(MONDAY.plusDays(d)) ? shape(1, 300) : shape(1, 0);
        }
        return days;
    }

    @Test
    void aRegularWeekdayIsForecastExactlyFromWeekdaysOnly() {
        LoadHistory history = new LoadHistory(MONDAY, regular());

        double[] forecast = new SimilarDay().forecast(history, MONDAY.plusDays(29));

        assertThat(forecast).containsExactly(shape(1, 0), within(1e-9));
    }

    @Test
    void aWeekendIsForecastFromWeekendsOnly() {
        LoadHistory history = new LoadHistory(MONDAY, regular());

        double[] forecast = new SimilarDay().forecast(history, MONDAY.plusDays(33));

        assertThat(forecast).containsExactly(shape(1, 300), within(1e-9));
    }

    @Test
    void anOutageDayIsNotUsed() {
        double[][] days = regular();
        days[25] = shape(0.2, 0);
        LoadHistory history = new LoadHistory(MONDAY, days);

        double[] forecast = new SimilarDay().forecast(history, MONDAY.plusDays(29));

        assertThat(forecast).containsExactly(shape(1, 0), within(1e-9));
    }

    @Test
    void missingSlotsAndMostlyMissingDaysAreSkipped() {
        double[][] days = regular();
        Arrays.fill(days[25], 0, 60, Double.NaN);
        days[24][10] = Double.NaN;
        LoadHistory history = new LoadHistory(MONDAY, days);

        double[] forecast = new SimilarDay().forecast(history, MONDAY.plusDays(29));

        assertThat(forecast[10]).isCloseTo(shape(1, 0)[10], within(0.5));
        assertThat(Arrays.stream(forecast).noneMatch(Double::isNaN)).isTrue();
    }

    @Test
    void aHistoryWithoutDataForecastsZero() {
        double[][] days = new double[14][LoadHistory.SLOTS];
        for (double[] day : days) {
            Arrays.fill(day, Double.NaN);
        }

        assertThat(new SimilarDay().forecast(new LoadHistory(MONDAY, days), MONDAY.plusDays(15))).containsOnly(0.0);
    }

    @Test
    void theSimilarDayModelBeatsTheBaselineOnARealisticSeries() {
        LoadHistory history = SyntheticLoad.series(20261127L);
        LocalDate testTo = history.lastDay();
        LocalDate testFrom = testTo.minusDays(27);

        List<ModelScore> scores = Backtest.run(history, List.of(new SeasonalNaive(), new SimilarDay()), testFrom, testTo, 1);
        scores.forEach(s -> System.out.printf("%s MAE %.1f kW MAPE %.2f %% MASE %.3f peak %.2f %% shift %.1f min%n",
                s.model(), s.mae(), s.mape(), s.mase(), s.peakErrorPct(), s.peakShiftMinutes()));

        ModelScore baseline = scores.get(0);
        ModelScore similar = scores.get(1);
        assertThat(baseline.mase()).as("the baseline scores about 1").isBetween(0.8, 1.25);
        assertThat(similar.mase()).isLessThan(1.0).isLessThan(baseline.mase());
        assertThat(similar.mape()).isLessThan(baseline.mape());
        assertThat(similar.mae()).isLessThan(0.85 * baseline.mae());
        assertThat(similar.peakShiftMinutes()).isLessThan(baseline.peakShiftMinutes());
    }
}
