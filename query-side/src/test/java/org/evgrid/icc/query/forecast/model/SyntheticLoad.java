package org.evgrid.icc.query.forecast.model;

import java.time.LocalDate;
import java.util.Random;

/**
 * A realistic EV charging load of an aggregation unit (kW) with a fixed seed: a weekday shape (night charging on the
 * off-peak tariff, workplace charging in the morning, an evening peak at 20:00), a different weekend shape (midday and
 * evening), slow growth (0.3 % a day), daily level noise (4 %), point noise (8 %), 2 % of points missing, one day
 * without any data and one evening outage (load down to 10 % from 17:00 to 21:00).
 */
public final class SyntheticLoad {

    /** A Monday. */
    public static final LocalDate START = LocalDate.of(2026, 9, 7);
    public static final int DAYS = 70;
    static final int MISSING_DAY = 20;
    static final int OUTAGE_DAY = 45;

    private SyntheticLoad() {
    }

    public static LoadHistory series(long seed) {
        Random random = new Random(seed);
        double[][] days = new double[DAYS][LoadHistory.SLOTS];
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = START.plusDays(d);
            boolean weekend = SimilarDay.weekend(day);
            double level = (1 + 0.003 * d) * (1 + 0.04 * random.nextGaussian());
            for (int s = 0; s < LoadHistory.SLOTS; s++) {
                double h = s / 4.0 + 0.125;
                double shape = weekend
                        ? 150 + 350 * bump(h, 14, 3) + 300 * bump(h, 20, 2) + 300 * bump(h, 1, 2.5)
                        : 150 + 500 * bump(h, 20, 1.8) + 350 * bump(h, 1, 2.5) + 200 * bump(h, 10, 2);
                double v = shape * level * (1 + 0.08 * random.nextGaussian());
                if (d == OUTAGE_DAY && h >= 17 && h < 21) {
                    v *= 0.1;
                }
                days[d][s] = random.nextDouble() < 0.02 || d == MISSING_DAY ? Double.NaN : Math.max(0, v);
            }
        }
        return new LoadHistory(START, days);
    }

    /** A Gaussian bump around hour {@code mu} on the 24-hour circle. */
    private static double bump(double h, double mu, double sigma) {
        double d = Math.abs(h - mu);
        d = Math.min(d, 24 - d);
        return Math.exp(-d * d / (2 * sigma * sigma));
    }
}
