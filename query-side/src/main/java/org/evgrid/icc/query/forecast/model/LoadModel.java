package org.evgrid.icc.query.forecast.model;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.forecast.ForecastModel;

/** A day-ahead load model: deterministic, pure, over arrays. */
public interface LoadModel {

    /** The model's name. */
    ForecastModel name();

    /**
     * Forecasts the 96 quarter-hour powers of {@code target} from {@code history}, all of whose days are before the
     * target.
     *
     * @return 96 finite values in kW (never {@code NaN})
     */
    double[] forecast(LoadHistory history, LocalDate target);

    /** The model by name, with its default parameters. */
    static LoadModel of(ForecastModel name) {
        return switch (name) {
            case SEASONAL_NAIVE_7D -> new SeasonalNaive();
            case SIMILAR_DAY -> new SimilarDay();
            default -> throw new IllegalArgumentException("unknown model " + name);
        };
    }
}
