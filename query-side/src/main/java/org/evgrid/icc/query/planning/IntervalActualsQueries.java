package org.evgrid.icc.query.planning;

import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.dispatch.FindIntervalActualsQuery;
import org.evgrid.icc.coreapi.dispatch.IntervalActualsView;
import org.evgrid.icc.coreapi.dispatch.OperatorDeviation;
import org.evgrid.icc.coreapi.dispatch.PileDeviation;
import org.evgrid.icc.coreapi.telemetry.DataQuality;
import org.evgrid.icc.query.planning.internal.PlanningErrors;
import org.evgrid.icc.query.planning.internal.PlanningReads;
import org.evgrid.icc.query.planning.internal.Schedules;
import org.evgrid.icc.query.planning.internal.UnitLoad;
import org.evgrid.icc.query.telemetry.internal.Slots;
import org.evgrid.icc.query.telemetry.internal.TelemetryCollections;
import org.evgrid.icc.query.telemetry.internal.Units;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The actuals of one quarter hour against a plan version's schedule ({@link FindIntervalActualsQuery}, asked inside the
 * center):
 * <ul>
 * <li><b>Planned</b> per pile from the schedule store ({@code dispatch_schedules}; version 0 or less: the highest
 * version stored); the unit's planned kW is the sum over the schedule's piles.</li>
 * <li><b>Actual</b> per pile: the mean of the quarter hour's 5-minute slots the pile reported in (its hour document
 * {@code tpd|<pile>|<day>|<HH>}, newest version of each slot; a SUSPECT reading counts 0 W as in the roll-ups). A pile
 * that reported in none of the three slots did not report: its actual is null, never 0.</li>
 * <li><b>Unit actual</b>: from the unit day document {@code tad|UNIT|<unit>|<day>} (mean of the reported slots, as
 * the load statistics), so that it matches the load curve.</li>
 * <li><b>Expected piles</b>: the schedule's piles the plan counted online (not OFFLINE_EXCLUDED); <b>reporting
 * piles</b>: those of them that reported. Telemetry is complete when the quarter hour has ended and reporting /
 * expected ≥ the threshold (default 0.9; an interval without expected piles is complete once ended).</li>
 * <li><b>By operator</b> (operator id order, over all of its scheduled piles): planned of all its piles, actual of its
 * reporting piles, deviation = Σ (actual − planned) over its reporting piles (a silent pile is missing data, not a
 * deviation). <b>Top piles</b>: the 20 reporting piles with the largest |actual − planned| (then pile id); if fewer than
 * 20 reported, expected silent piles with a planned power follow (largest planned first) with actual and deviation
 * null.</li>
 * <li><b>Large units</b>: above {@link PlanningSettings#maxDetailPiles()} scheduled piles (default 50,000) no pile is
 * read: the view has the unit totals only (empty by-operator and top-pile lists), and the reporting count is the
 * roll-up's (the most piles reporting in one of the three slots).</li>
 * </ul>
 */
@Component
public class IntervalActualsQueries {

    /** Piles listed in {@code topPiles}. */
    public static final int TOP_PILES = 20;
    private static final int QUARTERS = 96;

    private final MongoDatabase database;
    private final Clock clock;
    private final PlanningSettings settings;

    @Autowired
    public IntervalActualsQueries(MongoDatabase database, Clock clock, ObjectProvider<PlanningSettings> settings) {
        this(database, clock, settings.getIfAvailable(PlanningSettings::defaults));
    }

    public IntervalActualsQueries(MongoDatabase database, Clock clock, PlanningSettings settings) {
        this.database = database;
        this.clock = clock;
        this.settings = settings;
    }

    /** A scheduled pile with what it did: actual kW null when it did not report. */
    private record PileActual(Schedules.PlannedPile plan, BigDecimal plannedKw, BigDecimal actualKw) {
        boolean reporting() {
            return actualKw != null;
        }

        BigDecimal deviation() {
            return actualKw == null ? null : actualKw.subtract(plannedKw);
        }
    }

    @QueryHandler
    public IntervalActualsView find(FindIntervalActualsQuery query) {
        if (query.planId() == null) {
            throw PlanningErrors.missing("planId");
        }
        if (query.unitId() == null) {
            throw PlanningErrors.missing("unitId");
        }
        if (query.tradingDay() == null) {
            throw PlanningErrors.missing("tradingDay");
        }
        if (query.interval() < 0 || query.interval() >= QUARTERS) {
            throw PlanningErrors.interval(query.interval());
        }
        String planId = query.planId().value();
        Document index = Schedules.index(database, planId, query.version());
        if (index == null) {
            throw PlanningErrors.scheduleNotFound(planId, query.version());
        }
        LocalDate day = query.tradingDay();
        int interval = query.interval();
        Instant end = day.atStartOfDay(Slots.ZONE).plusMinutes(15L * (interval + 1)).toInstant();
        boolean ended = !clock.instant().isBefore(end);
        UnitLoad unit = UnitLoad.of(PlanningReads.one(database, TelemetryCollections.AGG_DAYS,
                Slots.aggDayId(PileDimension.UNIT, query.unitId().value(), day)));
        BigDecimal actualKw = unit.quarterKw(interval);
        Schedules.Interval schedule = Schedules.interval(database, index, interval);
        long plannedW = 0;
        int expected = 0;
        for (Schedules.PlannedPile p : schedule.planned()) {
            plannedW += p.plannedW();
            if (!p.excluded()) {
                expected++;
            }
        }
        BigDecimal plannedKw = Units.kw(plannedW);
        if (schedule.planned().size() > settings.maxDetailPiles()) {
            int reporting = unit.quarterReporting(interval);
            return new IntervalActualsView(query.planId(), interval, plannedKw, actualKw, reporting, expected,
                    complete(ended, reporting, expected), List.of(), List.of());
        }
        List<PileActual> piles = pileActuals(schedule.planned(), day, interval);
        int reporting = (int) piles.stream().filter(p -> !p.plan().excluded() && p.reporting()).count();
        return new IntervalActualsView(query.planId(), interval, plannedKw, actualKw, reporting, expected,
                complete(ended, reporting, expected), byOperator(piles), topPiles(piles));
    }

    private boolean complete(boolean ended, int reporting, int expected) {
        if (!ended) {
            return false;
        }
        return expected == 0
                || BigDecimal.valueOf(reporting).compareTo(settings.completenessThreshold().multiply(BigDecimal.valueOf(expected))) >= 0;
    }

    private List<PileActual> pileActuals(List<Schedules.PlannedPile> planned, LocalDate day, int interval) {
        int firstSlot = interval * UnitLoad.SLOTS_PER_QUARTER;
        List<String> hourIds = planned.stream().map(p -> Slots.pileHourId(p.pileId(), day, firstSlot)).toList();
        Map<String, Document> hours = PlanningReads.byIds(database, TelemetryCollections.PILE_DAYS, hourIds);
        List<PileActual> actuals = new ArrayList<>(planned.size());
        for (Schedules.PlannedPile p : planned) {
            Document hour = hours.get(Slots.pileHourId(p.pileId(), day, firstSlot));
            Document slots = hour == null ? null : hour.get("s", Document.class);
            long sum = 0;
            int n = 0;
            for (int s = firstSlot; s < firstSlot + UnitLoad.SLOTS_PER_QUARTER && slots != null; s++) {
                Document reading = slots.get(Integer.toString(s), Document.class);
                if (reading == null) {
                    continue;
                }
                DataQuality q = DataQuality.valueOf(reading.getString("q"));
                if (q == DataQuality.MISSING) {
                    continue;
                }
                sum += q == DataQuality.OK || q == DataQuality.ESTIMATED ? Units.asLong(reading.get("a")) : 0L;
                n++;
            }
            actuals.add(new PileActual(p, Units.kw(p.plannedW()), n == 0 ? null : Units.kwMean(sum, n)));
        }
        return actuals;
    }

    private static List<OperatorDeviation> byOperator(List<PileActual> piles) {
        Map<String, List<PileActual>> byOperator = new TreeMap<>();
        for (PileActual p : piles) {
            byOperator.computeIfAbsent(p.plan().operatorId(), k -> new ArrayList<>()).add(p);
        }
        List<OperatorDeviation> result = new ArrayList<>();
        byOperator.forEach((operator, list) -> {
            BigDecimal planned = BigDecimal.ZERO.setScale(3);
            BigDecimal actual = BigDecimal.ZERO.setScale(3);
            BigDecimal deviation = BigDecimal.ZERO.setScale(3);
            int reporting = 0;
            for (PileActual p : list) {
                planned = planned.add(p.plannedKw());
                if (p.reporting()) {
                    reporting++;
                    actual = actual.add(p.actualKw());
                    deviation = deviation.add(p.deviation());
                }
            }
            result.add(new OperatorDeviation(new OperatorId(operator), list.size(), reporting, planned, actual, deviation));
        });
        return result;
    }

    private static List<PileDeviation> topPiles(List<PileActual> piles) {
        List<PileActual> reporting = new ArrayList<>(piles.stream().filter(PileActual::reporting).toList());
        reporting.sort(Comparator.comparing((PileActual p) -> p.deviation().abs()).reversed()
                .thenComparing(p -> p.plan().pileId()));
        List<PileActual> top = new ArrayList<>(reporting.subList(0, Math.min(TOP_PILES, reporting.size())));
        if (top.size() < TOP_PILES) {
            List<PileActual> silent = new ArrayList<>(piles.stream()
                    .filter(p -> !p.reporting() && !p.plan().excluded() && p.plan().plannedW() != 0).toList());
            silent.sort(Comparator.comparing((PileActual p) -> p.plannedKw().abs()).reversed()
                    .thenComparing(p -> p.plan().pileId()));
            top.addAll(silent.subList(0, Math.min(TOP_PILES - top.size(), silent.size())));
        }
        List<PileDeviation> result = new ArrayList<>(top.size());
        for (PileActual p : top) {
            result.add(new PileDeviation(new PileId(p.plan().pileId()), new OperatorId(p.plan().operatorId()), p.plannedKw(),
                    p.actualKw(), p.deviation()));
        }
        return result;
    }
}
