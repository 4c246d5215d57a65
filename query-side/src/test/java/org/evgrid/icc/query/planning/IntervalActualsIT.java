package org.evgrid.icc.query.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evgrid.icc.query.planning.PlanningWorld.local;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.FindIntervalActualsQuery;
import org.evgrid.icc.coreapi.dispatch.IntervalActualsView;
import org.evgrid.icc.coreapi.dispatch.OperatorDeviation;
import org.evgrid.icc.coreapi.dispatch.PileDeviation;
import org.evgrid.icc.query.planning.PlanningWorld.Power;
import org.evgrid.icc.query.planning.PlanningWorld.Scheduled;
import org.evgrid.icc.query.telemetry.internal.Slots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Actuals of a quarter hour against a schedule written in the documented layout, with telemetry rolled up by the real
 * projections.
 */
class IntervalActualsIT {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    /** 10:00–10:15. */
    private static final int INTERVAL = 40;
    private static final Instant DURING = local(DAY, 10, 10);
    private static final Instant AFTER = local(DAY, 10, 20);
    private static final DispatchPlanId PLAN = new DispatchPlanId("PLAN-AU-1-20261126");
    private static final AggregationUnitId UNIT = new AggregationUnitId("AU-1");

    private PlanningWorld world;

    @BeforeEach
    void start() {
        world = new PlanningWorld();
        world.batch(List.of(PlanningWorld.unit("AU-1"),
                PlanningWorld.pile("P1", "OP-A", "7.000", "0", "0"), PlanningWorld.pile("P2", "OP-A", "7.000", "0", "0"),
                PlanningWorld.pile("P3", "OP-B", "7.000", "0", "0"), PlanningWorld.pile("P4", "OP-B", "7.000", "0", "0"),
                PlanningWorld.assign("P1", "AU-1", "OP-A"), PlanningWorld.assign("P2", "AU-1", "OP-A"),
                PlanningWorld.assign("P3", "AU-1", "OP-B"), PlanningWorld.assign("P4", "AU-1", "OP-B")));
        // version 1: everything at 1 kW; version 2 (the latest): P1 5 kW, P2 3 kW, P3 2 kW, P4 excluded (offline)
        world.schedule(PLAN.value(), 1, "AU-1", DAY, List.of(
                scheduled("OP-A", "P1", 1000, "FAIR_SHARE=96"), scheduled("OP-A", "P2", 1000, "FAIR_SHARE=96"),
                scheduled("OP-B", "P3", 1000, "FAIR_SHARE=96"), scheduled("OP-B", "P4", 1000, "FAIR_SHARE=96")), 1000);
        world.schedule(PLAN.value(), 2, "AU-1", DAY, List.of(
                scheduled("OP-A", "P1", 5000, "FAIR_SHARE=96"), scheduled("OP-A", "P2", 3000, "AT_RATED_LIMIT=96"),
                scheduled("OP-B", "P3", 2000, "FAIR_SHARE=96"), scheduled("OP-B", "P4", 0, "OFFLINE_EXCLUDED=96")), 1);
        // 10:00 P1 5 kW and P2 4 kW, 10:05 P1 6 kW, 10:10 P1 7 kW; P3 silent
        world.power("OP-A", local(DAY, 10, 0), List.of(Power.ok("P1", 5000), Power.ok("P2", 4000)));
        world.power("OP-A", local(DAY, 10, 5), List.of(Power.ok("P1", 6000)));
        world.power("OP-A", local(DAY, 10, 10), List.of(Power.ok("P1", 7000)));
        // another quarter hour, not to be mixed in
        world.power("OP-B", local(DAY, 10, 15), List.of(Power.ok("P3", 7000)));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static Scheduled scheduled(String operator, String pile, int watts, String reasons) {
        int[] w = new int[96];
        Arrays.fill(w, watts);
        return new Scheduled(operator, pile, w, reasons);
    }

    private IntervalActualsView actuals(Instant now, PlanningSettings settings, int version) {
        return new IntervalActualsQueries(world.database(), Clock.fixed(now, Slots.ZONE), settings)
                .find(new FindIntervalActualsQuery(PLAN, version, UNIT, DAY, INTERVAL));
    }

    @Test
    void comparesEachPilesMeanOfTheQuarterHourWithTheLatestScheduleVersion() {
        IntervalActualsView view = actuals(AFTER, PlanningSettings.defaults(), 0);

        assertThat(view.planId()).isEqualTo(PLAN);
        assertThat(view.interval()).isEqualTo(INTERVAL);
        assertThat(view.plannedKw()).isEqualByComparingTo("10.000");
        // the unit roll-up: (9,000 + 6,000 + 7,000) W / 3 reported slots
        assertThat(view.actualKw()).isEqualByComparingTo("7.333");
        assertThat(view.expectedPiles()).as("P4 was excluded as offline").isEqualTo(3);
        assertThat(view.reportingPiles()).isEqualTo(2);
        assertThat(view.telemetryComplete()).as("2 of 3 is below 90 %").isFalse();
        assertThat(view.byOperator()).containsExactly(
                new OperatorDeviation(new OperatorId("OP-A"), 2, 2, new BigDecimal("8.000"),
                        new BigDecimal("10.000"), new BigDecimal("2.000")),
                new OperatorDeviation(new OperatorId("OP-B"), 2, 0, new BigDecimal("2.000"),
                        new BigDecimal("0.000"), new BigDecimal("0.000")));
        assertThat(view.topPiles()).extracting(p -> p.pileId().value()).containsExactly("P1", "P2", "P3");
        PileDeviation p1 = view.topPiles().get(0);
        assertThat(p1.plannedKw()).isEqualByComparingTo("5.000");
        assertThat(p1.actualKw()).as("mean of 5, 6 and 7 kW").isEqualByComparingTo("6.000");
        assertThat(p1.deviationKw()).isEqualByComparingTo("1.000");
        PileDeviation p3 = view.topPiles().get(2);
        assertThat(p3.actualKw()).as("a silent pile has no actual, not zero").isNull();
        assertThat(p3.deviationKw()).isNull();
    }

    @Test
    void aGivenVersionIsReadAsIs() {
        IntervalActualsView view = actuals(AFTER, PlanningSettings.defaults(), 1);

        assertThat(view.plannedKw()).isEqualByComparingTo("4.000");
        assertThat(view.expectedPiles()).isEqualTo(4);
    }

    @Test
    void telemetryIsCompleteOnlyOnceTheIntervalHasEndedAndEnoughPilesReported() {
        PlanningSettings lenient = new PlanningSettings(3, new BigDecimal("0.6"), 50_000);

        assertThat(actuals(DURING, lenient, 0).telemetryComplete()).as("not ended").isFalse();
        assertThat(actuals(AFTER, lenient, 0).telemetryComplete()).as("2 of 3 ≥ 60 %").isTrue();
    }

    @Test
    void aUnitAboveTheDetailLimitGetsTheRollUpTotalsOnly() {
        IntervalActualsView view = actuals(AFTER, new PlanningSettings(3, new BigDecimal("0.6"), 3), 0);

        assertThat(view.plannedKw()).isEqualByComparingTo("10.000");
        assertThat(view.actualKw()).isEqualByComparingTo("7.333");
        assertThat(view.reportingPiles()).as("most piles reporting in one slot").isEqualTo(2);
        assertThat(view.expectedPiles()).isEqualTo(3);
        assertThat(view.telemetryComplete()).isTrue();
        assertThat(view.byOperator()).isEmpty();
        assertThat(view.topPiles()).isEmpty();
    }

    @Test
    void aQuarterHourNobodyReportedInHasNoActualAtAll() {
        IntervalActualsView view = new IntervalActualsQueries(world.database(), Clock.fixed(AFTER, Slots.ZONE),
                PlanningSettings.defaults()).find(new FindIntervalActualsQuery(PLAN, 2, UNIT, DAY, 50));

        assertThat(view.actualKw()).isNull();
        assertThat(view.reportingPiles()).isZero();
        assertThat(view.byOperator()).allSatisfy(o -> assertThat(o.reportingPiles()).isZero());
        assertThat(view.topPiles()).allSatisfy(p -> assertThat(p.actualKw()).isNull());
    }

    @Test
    void anUnknownPlanIsRefused() {
        assertThatThrownBy(() -> new IntervalActualsQueries(world.database(), Clock.fixed(AFTER, Slots.ZONE),
                PlanningSettings.defaults()).find(new FindIntervalActualsQuery(new DispatchPlanId("PLAN-X"), 0, UNIT, DAY, INTERVAL)))
                .isInstanceOfSatisfying(IccException.class, e -> assertThat(e.code()).isEqualTo("ICC-PLAN-SCHEDULE-NOT-FOUND"));
    }
}
