package org.evgrid.icc.query.planning;

import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.dr.BaselineRule;
import org.evgrid.icc.coreapi.dr.DrBaselineView;
import org.evgrid.icc.coreapi.dr.FindDrBaselineQuery;
import org.evgrid.icc.query.planning.internal.PlanningErrors;
import org.evgrid.icc.query.planning.internal.PlanningReads;
import org.evgrid.icc.query.planning.internal.UnitLoad;
import org.evgrid.icc.query.telemetry.internal.Slots;
import org.evgrid.icc.query.telemetry.internal.TelemetryCollections;
import org.springframework.stereotype.Component;

/**
 * A unit's demand response baseline ({@link FindDrBaselineQuery}, asked inside the center), from the unit day
 * documents {@code tad|UNIT|<unit>|<yyyyMMdd>}. A quarter hour's load on a day is the mean of its reported 5-minute
 * slots. Points are kW with 3 decimals, half-even.
 * <ul>
 * <li>{@code AVERAGE_OF_LAST_5_WORKDAYS}: the last {@value #WORKDAYS} Monday–Friday days before the trading day whose
 * day is normal, i.e. has data (at least one reporting pile) in at least 90 % of its 288 slots, looking back at most
 * {@value #LOOK_BACK_DAYS} days; other days are skipped (public holidays are not known to the store and count as
 * workdays when normal). Each point is the mean over those days of the quarter hour's load; days without data in that
 * quarter hour are left out of that point (null if none has it). Fewer than 5 normal days: the ones found are used;
 * none: refused (ICC-PLAN-BASELINE-NO-DATA). {@code baselineDays} lists the days used, newest first.</li>
 * <li>{@code PRIOR_15_MINUTES}: the load of the quarter hour before {@code firstInterval} (the previous day's last
 * quarter hour when it is 0), repeated for all 96 points; {@code baselineDays} is that quarter hour's day. Refused when
 * that quarter hour has no data.</li>
 * </ul>
 */
@Component
public class DrBaselineQueries {

    /** Normal workdays averaged. */
    public static final int WORKDAYS = 5;
    /** How far back normal workdays are looked for. */
    public static final int LOOK_BACK_DAYS = 20;
    private static final int QUARTERS = 96;
    private static final MathContext EXACT = MathContext.DECIMAL64;

    private final MongoDatabase database;

    public DrBaselineQueries(MongoDatabase database) {
        this.database = database;
    }

    @QueryHandler
    public DrBaselineView find(FindDrBaselineQuery query) {
        if (query.unitId() == null) {
            throw PlanningErrors.missing("unitId");
        }
        if (query.tradingDay() == null) {
            throw PlanningErrors.missing("tradingDay");
        }
        if (query.rule() == null) {
            throw PlanningErrors.missing("rule");
        }
        return switch (query.rule()) {
            case AVERAGE_OF_LAST_5_WORKDAYS -> workdays(query);
            case PRIOR_15_MINUTES -> prior(query);
            default -> throw PlanningErrors.missing("rule");
        };
    }

    private DrBaselineView workdays(FindDrBaselineQuery query) {
        String unit = query.unitId().value();
        Map<String, LocalDate> candidates = new LinkedHashMap<>();
        for (int back = 1; back <= LOOK_BACK_DAYS; back++) {
            LocalDate day = query.tradingDay().minusDays(back);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                candidates.put(Slots.aggDayId(PileDimension.UNIT, unit, day), day);
            }
        }
        Map<String, Document> docs = PlanningReads.byIds(database, TelemetryCollections.AGG_DAYS, candidates.keySet());
        List<LocalDate> days = new ArrayList<>();
        List<UnitLoad> loads = new ArrayList<>();
        for (Map.Entry<String, LocalDate> candidate : candidates.entrySet()) {
            if (days.size() == WORKDAYS) {
                break;
            }
            UnitLoad load = UnitLoad.of(docs.get(candidate.getKey()));
            if (normal(load)) {
                days.add(candidate.getValue());
                loads.add(load);
            }
        }
        if (days.isEmpty()) {
            throw PlanningErrors.noBaselineData(unit, query.tradingDay());
        }
        List<BigDecimal> points = new ArrayList<>(QUARTERS);
        for (int q = 0; q < QUARTERS; q++) {
            BigDecimal sum = BigDecimal.ZERO;
            int n = 0;
            for (UnitLoad load : loads) {
                BigDecimal watts = load.quarterWatts(q);
                if (watts != null) {
                    sum = sum.add(watts);
                    n++;
                }
            }
            points.add(n == 0 ? null : UnitLoad.kwHalfEven(sum.divide(BigDecimal.valueOf(n), EXACT)));
        }
        return new DrBaselineView(query.unitId(), query.tradingDay(), BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, points, days);
    }

    /** A day with data in at least 90 % of its slots. */
    static boolean normal(UnitLoad load) {
        return load.slotsWithData() * 10L >= Slots.PER_DAY * 9L;
    }

    private DrBaselineView prior(FindDrBaselineQuery query) {
        if (query.firstInterval() < 0 || query.firstInterval() >= QUARTERS) {
            throw PlanningErrors.interval(query.firstInterval());
        }
        LocalDate day = query.firstInterval() == 0 ? query.tradingDay().minusDays(1) : query.tradingDay();
        int quarter = query.firstInterval() == 0 ? QUARTERS - 1 : query.firstInterval() - 1;
        UnitLoad load = UnitLoad.of(PlanningReads.one(database, TelemetryCollections.AGG_DAYS,
                Slots.aggDayId(PileDimension.UNIT, query.unitId().value(), day)));
        BigDecimal watts = load.quarterWatts(quarter);
        if (watts == null) {
            throw PlanningErrors.noBaselineData(query.unitId().value(), query.tradingDay());
        }
        BigDecimal kw = UnitLoad.kwHalfEven(watts);
        return new DrBaselineView(query.unitId(), query.tradingDay(), BaselineRule.PRIOR_15_MINUTES,
                Collections.nCopies(QUARTERS, kw), List.of(day));
    }
}
