package org.evgrid.icc.query.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class BacktestTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);

    @Test
    void metricsMatchHandComputedValues() {
        double[] actual = new double[LoadHistory.SLOTS];
        Arrays.fill(actual, 10);
        actual[0] = Double.NaN;
        actual[1] = 0.2;
        actual[50] = 20;
        double[] forecast = new double[LoadHistory.SLOTS];
        Arrays.fill(forecast, 10);
        forecast[1] = 0.4;
        forecast[50] = 15;
        forecast[52] = 18;

        ModelScore score = Backtest.score(new SeasonalNaive(), List.of(forecast), List.of(actual), 0.5, 1.0);

        // 95 actual points; errors 0.2 (slot 1), 5 (slot 50), 8 (slot 52)
        assertThat(score.points()).isEqualTo(95);
        assertThat(score.mae()).isCloseTo(13.2 / 95, within(1e-12));
        // slot 1 is below the 1 kW floor: 94 points, 25 % and 80 %
        assertThat(score.mape()).isCloseTo(105.0 / 94, within(1e-12));
        assertThat(score.mase()).isCloseTo(13.2 / 95 / 0.5, within(1e-12));
        // actual peak 20 at slot 50, forecast peak 18 at slot 52
        assertThat(score.peakErrorPct()).isCloseTo(10.0, within(1e-12));
        assertThat(score.peakShiftMinutes()).isEqualTo(30.0);
    }

    @Test
    void theScaleIsTheMeanWeekOnWeekChangeOverPairsWithBothValues() {
        double[][] days = new double[8][LoadHistory.SLOTS];
        for (double[] day : days) {
            Arrays.fill(day, Double.NaN);
        }
        Arrays.fill(days[0], 1);
        Arrays.fill(days[7], 3);
        days[7][5] = Double.NaN;
        days[0][6] = Double.NaN;

        assertThat(Backtest.naiveScale(new LoadHistory(FIRST, days))).isEqualTo(2.0);
    }

    @Test
    void theMapeFloorIsFivePercentOfTheTestPeakButAtLeastOneKilowatt() {
        double[][] days = new double[2][LoadHistory.SLOTS];
        Arrays.fill(days[0], 500);
        Arrays.fill(days[1], 10);
        days[1][3] = 400;
        LoadHistory history = new LoadHistory(FIRST, days);

        assertThat(Backtest.mapeFloor(history, FIRST.plusDays(1), FIRST.plusDays(1))).isEqualTo(20.0);
        days[1][3] = 10;
        assertThat(Backtest.mapeFloor(new LoadHistory(FIRST, days), FIRST.plusDays(1), FIRST.plusDays(1))).isEqualTo(1.0);
    }

    @Test
    void theBaselineBacktestedOnAPurelyWeeklySeriesIsPerfect() {
        double[][] days = new double[28][LoadHistory.SLOTS];
        for (int d = 0; d < 28; d++) {
            for (int s = 0; s < LoadHistory.SLOTS; s++) {
                days[d][s] = 100 + 10 * (d % 7) + s;
            }
        }
        days[3][4] = 200;
        LoadHistory history = new LoadHistory(FIRST, days);

        ModelScore score = Backtest.run(history, List.<LoadModel>of(new SeasonalNaive()), FIRST.plusDays(21), FIRST.plusDays(27), 1)
                .get(0);

        assertThat(score.days()).isEqualTo(7);
        assertThat(score.mae()).isZero();
        assertThat(score.mase()).isZero();
        assertThat(score.peakShiftMinutes()).isZero();
    }
}
