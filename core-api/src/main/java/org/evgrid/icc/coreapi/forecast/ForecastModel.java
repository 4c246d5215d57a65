package org.evgrid.icc.coreapi.forecast;

/**
 * The forecasting models of the center, with the short code used in forecast ids.
 */
public enum ForecastModel {
    /** Baseline: every 15-minute slot is the same slot seven days earlier. */
    SEASONAL_NAIVE_7D("SN7"),
    /** Weighted average of the latest similar days (weekday or weekend), scaled by an exponentially smoothed level. */
    SIMILAR_DAY("SDW");

    private final String code;

    ForecastModel(String code) {
        this.code = code;
    }

    /** The short code used in forecast ids. */
    public String code() {
        return code;
    }
}
