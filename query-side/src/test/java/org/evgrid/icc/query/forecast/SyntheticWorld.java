package org.evgrid.icc.query.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.queryhandling.QueryHandler;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.AggregationUnitList;
import org.evgrid.icc.coreapi.archive.AggregationUnitView;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.FindAggregationUnitsQuery;
import org.evgrid.icc.coreapi.telemetry.FindLoadCurveQuery;
import org.evgrid.icc.coreapi.telemetry.LoadCurveView;
import org.evgrid.icc.coreapi.telemetry.LoadPoint;
import org.evgrid.icc.query.forecast.model.LoadHistory;
import org.evgrid.icc.query.forecast.model.SyntheticLoad;

/**
 * Stands in for the roll-ups and the archive: three units (U-1 and U-2 in JS-NJ, U-EMPTY in JS-SZ) and their 15-minute
 * load curves from the synthetic EV series (U-2 at half, JS-NJ at one and a half times U-1); U-EMPTY and JS-SZ never
 * reported.
 */
public final class SyntheticWorld {

    private final LoadHistory series = SyntheticLoad.series(20261127L);
    private final List<FindLoadCurveQuery> curveQueries = new ArrayList<>();

    /** The load-curve queries asked so far. */
    public List<FindLoadCurveQuery> curveQueries() {
        return curveQueries;
    }

    /** The value the curve of a key answers, or null. */
    public BigDecimal value(String key, LocalDate day, int slot) {
        double v = series.value(day, slot);
        double factor = switch (key) {
            case "U-1" -> 1.0;
            case "U-2" -> 0.5;
            case "JS-NJ" -> 1.5;
            default -> Double.NaN;
        };
        return Double.isNaN(v) || Double.isNaN(factor) ? null : BigDecimal.valueOf(v * factor).setScale(3, RoundingMode.HALF_UP);
    }

    @QueryHandler
    public LoadCurveView curve(FindLoadCurveQuery query) {
        curveQueries.add(query);
        List<LoadPoint> points = new ArrayList<>();
        for (LocalDate d = query.from(); !d.isAfter(query.to()); d = d.plusDays(1)) {
            for (int s = 0; s < LoadHistory.SLOTS; s++) {
                BigDecimal v = value(query.key(), d, s);
                points.add(new LoadPoint(d.atStartOfDay(ForecastProcessing.ZONE).plusMinutes(15L * s).toInstant(), v, v == null ? 0 : 30,
                        v == null ? 0 : 30));
            }
        }
        return new LoadCurveView(query.dimension(), query.key(), query.from(), query.to(), query.resolutionMinutes(), points, null, null,
                null, null);
    }

    @QueryHandler
    public AggregationUnitList units(FindAggregationUnitsQuery query) {
        return new AggregationUnitList(List.of(
                unit("U-1", "JS-NJ"), unit("U-2", "JS-NJ"), unit("U-EMPTY", "JS-SZ")));
    }

    private static AggregationUnitView unit(String id, String area) {
        return new AggregationUnitView(new AggregationUnitId(id), id, new DispatchAreaId(area), "320000", 10, BigDecimal.TEN, null);
    }
}
