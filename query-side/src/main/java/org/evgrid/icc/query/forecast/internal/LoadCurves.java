package org.evgrid.icc.query.forecast.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.CompletionException;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.coreapi.telemetry.FindLoadCurveQuery;
import org.evgrid.icc.coreapi.telemetry.LoadCurveView;
import org.evgrid.icc.coreapi.telemetry.LoadPoint;
import org.evgrid.icc.query.forecast.model.LoadHistory;

/** Reads quarter-hour load curves through the query bus ({@link FindLoadCurveQuery}) as a {@link LoadHistory}. */
public final class LoadCurves {

    private static final int SLOT_MINUTES = 15;

    private LoadCurves() {
    }

    /** The quarter-hour history of a key over local days [from, to]; days or points without data are {@code NaN}. */
    public static LoadHistory fetch(QueryGateway gateway, Viewer viewer, PileDimension dimension, String key, LocalDate from,
                                    LocalDate to, ZoneId zone) {
        LoadCurveView view;
        try {
            view = gateway.query(new FindLoadCurveQuery(viewer, dimension, key, from, to, SLOT_MINUTES),
                    ResponseTypes.instanceOf(LoadCurveView.class)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        return toHistory(view, from, to, zone);
    }

    /** Places the curve's points into days [from, to] by their local start time. */
    public static LoadHistory toHistory(LoadCurveView view, LocalDate from, LocalDate to, ZoneId zone) {
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        double[][] values = new double[days][LoadHistory.SLOTS];
        for (double[] day : values) {
            Arrays.fill(day, Double.NaN);
        }
        if (view == null || view.points() == null) {
            return new LoadHistory(from, values);
        }
        if (view.resolutionMinutes() != SLOT_MINUTES) {
            throw ForecastErrors.curveShape(view.resolutionMinutes());
        }
        for (LoadPoint point : view.points()) {
            if (point == null || point.start() == null || point.avgKw() == null) {
                continue;
            }
            LocalDateTime local = LocalDateTime.ofInstant(point.start(), zone);
            long day = ChronoUnit.DAYS.between(from, local.toLocalDate());
            int slot = (local.getHour() * 60 + local.getMinute()) / SLOT_MINUTES;
            if (day >= 0 && day < days) {
                values[(int) day][slot] = point.avgKw().doubleValue();
            }
        }
        return new LoadHistory(from, values);
    }
}
