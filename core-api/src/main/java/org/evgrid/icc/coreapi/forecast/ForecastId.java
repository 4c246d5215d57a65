package org.evgrid.icc.coreapi.forecast;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.Identifier;

/**
 * Identifier of a published forecast, deterministic from what it forecasts:
 * {@code FC-<U|DA>-<key>-<yyyyMMdd>-<model code>-v<n>}, e.g. {@code FC-U-AU-JS-NJ-1-20261127-SDW-v1}. Publishing again
 * for the same day and model gives the next version; the latest published forecast of a day is the current one.
 */
public record ForecastId(String value) implements Identifier {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public ForecastId {
        if (value == null || !ID.matcher(value).matches()) {
            throw IccException.invalid("ICC-ID-INVALID", "forecastId",
                    "预测标识格式不正确：应为 1–128 位字母、数字或 _ . : -，且以字母或数字开头",
                    "The forecast id is malformed: use 1-128 letters, digits or _ . : -, starting with a letter or digit",
                    "Send an id such as FC-U-AU-JS-NJ-1-20261127-SDW-v1");
        }
    }

    /** The id of version {@code version} of the forecast of one key, trading day and model. */
    public static ForecastId of(PileDimension dimension, String key, LocalDate tradingDay, ForecastModel model, int version) {
        return new ForecastId("FC-" + dimensionCode(dimension) + "-" + key + "-" + DAY.format(tradingDay) + "-" + model.code()
                + "-v" + version);
    }

    /** The short code of a forecast dimension in ids: {@code U} for units, {@code DA} for dispatch areas. */
    public static String dimensionCode(PileDimension dimension) {
        return dimension == PileDimension.UNIT ? "U" : dimension == PileDimension.DISPATCH_AREA ? "DA" : String.valueOf(dimension);
    }

    @Override
    public String toString() {
        return value;
    }
}
