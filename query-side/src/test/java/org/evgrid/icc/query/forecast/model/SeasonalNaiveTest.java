package org.evgrid.icc.query.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SeasonalNaiveTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);

    private static double[][] random(int days, long seed) {
        Random random = new Random(seed);
        double[][] values = new double[days][LoadHistory.SLOTS];
        for (double[] day : values) {
            for (int s = 0; s < day.length; s++) {
                day[s] = 1000 * random.nextDouble();
            }
        }
        return values;
    }

    @Test
    void everySlotIsTheSameSlotSevenDaysEarlier() {
        double[][] days = random(21, 1);
        LoadHistory history = new LoadHistory(FIRST, days);

        double[] forecast = new SeasonalNaive().forecast(history, FIRST.plusDays(21));

        assertThat(forecast).containsExactly(days[14]);
    }

    @Test
    void aDayAheadForecastWithTheLastDayIncompleteStillUsesTheDaySevenBefore() {
        double[][] days = random(20, 2);
        LoadHistory history = new LoadHistory(FIRST, days);

        assertThat(new SeasonalNaive().forecast(history, FIRST.plusDays(21))).containsExactly(days[14]);
    }

    @Test
    void aMissingSlotIsTakenFromTwoWeeksEarlierThenFromTheSlotMean() {
        double[][] days = random(21, 3);
        days[14][5] = Double.NaN;
        for (double[] day : days) {
            day[7] = Double.NaN;
        }
        days[14][9] = Double.NaN;
        days[7][9] = Double.NaN;
        days[0][9] = Double.NaN;
        days[3][9] = 40;
        days[4][9] = 60;
        for (int d = 0; d < 21; d++) {
            if (d != 3 && d != 4) {
                days[d][9] = Double.NaN;
            }
        }
        LoadHistory history = new LoadHistory(FIRST, days);

        double[] forecast = new SeasonalNaive().forecast(history, FIRST.plusDays(21));

        assertThat(forecast[5]).isEqualTo(days[7][5]);
        assertThat(forecast[7]).as("never reported").isZero();
        assertThat(forecast[9]).as("mean of the slot over the history").isEqualTo(50.0);
        assertThat(Arrays.stream(forecast).noneMatch(Double::isNaN)).isTrue();
    }
}
