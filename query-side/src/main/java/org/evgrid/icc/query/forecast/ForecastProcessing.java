package org.evgrid.icc.query.forecast;

import java.time.ZoneId;
import java.util.Set;

import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.Viewer;

/** Names and constants of the forecasting context. */
public final class ForecastProcessing {

    /** The read model of published forecasts (a tracking processor; batch size 200 like the archive). */
    public static final String PROJECTION_GROUP = "forecast-projection";
    /**
     * Computes on-demand forecasts and publishes them (a tracking processor, one thread; its handler does not replay, so a
     * token reset never publishes again).
     */
    public static final String FORECASTING_GROUP = "forecasting";
    /** Trading days, load curves and schedules are in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Days of history a forecast is trained on (enough for the seasonal naive model's four-week fallback). */
    public static final int TRAINING_DAYS = 35;
    /** Quarter-hour load curves. */
    public static final int RESOLUTION_MINUTES = 15;
    /** Who the center asks load curves and archives as. */
    public static final Viewer CENTER_VIEWER = new Viewer("center-forecasting", Set.of(Role.CENTER_SERVICE), null,
            DataScope.HEADQUARTERS);

    private ForecastProcessing() {
    }
}
