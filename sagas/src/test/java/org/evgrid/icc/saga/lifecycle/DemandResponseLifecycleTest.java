package org.evgrid.icc.saga.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.test.saga.SagaTestFixture;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.dispatch.DispatchExecutionClosedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchSourceKind;
import org.evgrid.icc.coreapi.dispatch.ProposeDispatchPlanCommand;
import org.evgrid.icc.coreapi.dr.BaselineRule;
import org.evgrid.icc.coreapi.dr.DrBaselineView;
import org.evgrid.icc.coreapi.dr.DrEventCancelledEvent;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrEventOptedInEvent;
import org.evgrid.icc.coreapi.dr.DrEventOptedOutEvent;
import org.evgrid.icc.coreapi.dr.DrInterval;
import org.evgrid.icc.coreapi.dr.DrProgramType;
import org.evgrid.icc.coreapi.dr.DrTargetType;
import org.evgrid.icc.coreapi.dr.FindDrBaselineQuery;
import org.evgrid.icc.coreapi.dr.ReportDrPerformanceCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demand response path of the lifecycle: opt-in → plan from the baseline → day closed → performance report. */
class DemandResponseLifecycleTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final Instant BEFORE_DAY = Instant.parse("2026-11-30T12:00:00Z");
    static final DrEventId EVENT = new DrEventId("DRE-20261201-01");
    static final AggregationUnitId UNIT = new AggregationUnitId("AU-JS-NJ-1");
    static final AggregationUnitId OTHER_UNIT = new AggregationUnitId("AU-JS-NJ-2");
    static final DispatchPlanId PLAN = DispatchPlanId.forDrEvent(EVENT, UNIT);
    static final List<LocalDate> BASELINE_DAYS = List.of(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25));

    private final SagaTestFixture<TradingLifecycleSaga> fixture = new SagaTestFixture<>(TradingLifecycleSaga.class);
    private final RecordingCenterCommands commands = new RecordingCenterCommands();
    private final InMemoryQueries queries = new InMemoryQueries();
    private final FixtureClock clock = new FixtureClock(fixture::currentTime);

    @BeforeEach
    void setUp() {
        fixture.registerResource(commands);
        fixture.registerResource(queries.gateway());
        fixture.registerResource(clock);
        fixture.registerResource(LifecycleSettings.defaults());
        fixture.registerStartRecordingCallback(commands::clear);
        queries.answerBaselines(q -> new DrBaselineView(q.unitId(), q.tradingDay(), q.rule(), baseline(), BASELINE_DAYS));
    }

    @Test
    void peakShavingTargetsTheBaselineLessTheCommitmentCappedByAnImportLimit() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .whenPublishingA(optedIn(UNIT, DrProgramType.PEAK_SHAVING, List.of(
                        new DrInterval(40, 44, DrTargetType.LOAD_REDUCTION, new BigDecimal("30")),
                        new DrInterval(44, 46, DrTargetType.IMPORT_CAPACITY_LIMIT, new BigDecimal("60")))))
                .expectActiveSagas(1)
                .expectAssociationWith(TradingLifecycleSaga.PLAN_ID, PLAN.value())
                .expectAssociationWith(TradingLifecycleSaga.DR_EVENT_ID, EVENT.value());

        assertThat(queries.asked(FindDrBaselineQuery.class))
                .containsExactly(new FindDrBaselineQuery(UNIT, DAY, BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, 40));
        ProposeDispatchPlanCommand propose = commands.sent(ProposeDispatchPlanCommand.class).get(0);
        assertThat(propose.planId()).isEqualTo(PLAN);
        assertThat(propose.sourceKind()).isEqualTo(DispatchSourceKind.DEMAND_RESPONSE);
        assertThat(propose.sourceRef()).isEqualTo(EVENT.value());
        List<BigDecimal> t = propose.targetKw();
        assertThat(t).hasSize(96);
        assertThat(t.get(39)).isNull();
        assertThat(t.get(40)).isEqualByComparingTo("70");     // 100 − 30
        assertThat(t.get(41)).isEqualByComparingTo("0");      // baseline 20 < 30: never below zero
        assertThat(t.get(43)).isEqualByComparingTo("70");
        assertThat(t.get(44)).isEqualByComparingTo("60");     // min(100 − 30, limit 60)
        assertThat(t.get(45)).isEqualByComparingTo("60");
        assertThat(t.get(46)).isNull();
    }

    @Test
    void valleyFillingTargetsTheBaselinePlusTheCommitment() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .whenPublishingA(optedIn(UNIT, DrProgramType.VALLEY_FILLING, List.of(
                        new DrInterval(8, 12, DrTargetType.LOAD_REDUCTION, new BigDecimal("30")))));

        List<BigDecimal> t = commands.sent(ProposeDispatchPlanCommand.class).get(0).targetKw();
        assertThat(t.get(7)).isNull();
        assertThat(t.get(8)).isEqualByComparingTo("130");
        assertThat(t.get(11)).isEqualByComparingTo("130");
        assertThat(t.get(12)).isNull();
        assertThat(queries.asked(FindDrBaselineQuery.class)).first().extracting(FindDrBaselineQuery::firstInterval).isEqualTo(8);
    }

    @Test
    void theDayClosedIsFollowedByThePerformanceReportAndTheEnd() {
        List<BigDecimal> actual = new ArrayList<>(Collections.nCopies(96, new BigDecimal("100")));
        actual.set(40, new BigDecimal("75"));   // 25 kW below the baseline of 100
        actual.set(41, new BigDecimal("10"));   // 10 below the baseline of 20
        actual.set(42, null);                   // no telemetry: no performance
        actual.set(43, new BigDecimal("60"));   // 40 below

        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(optedIn(UNIT, DrProgramType.PEAK_SHAVING, List.of(
                        new DrInterval(40, 44, DrTargetType.LOAD_REDUCTION, new BigDecimal("30")))))
                .andThenAPublished(new DispatchPlanIssuedEvent(PLAN, 1, 1))
                .whenPublishingA(new DispatchExecutionClosedEvent(PLAN, 1, UNIT, DAY, DispatchSourceKind.DEMAND_RESPONSE, EVENT.value(),
                        96, 2, 2, new BigDecimal("2300"), new BigDecimal("2290"), actual))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        ReportDrPerformanceCommand report = commands.sent(ReportDrPerformanceCommand.class).get(0);
        assertThat(commands.sent()).hasSize(1);
        assertThat(report.eventId()).isEqualTo(EVENT);
        assertThat(report.unitId()).isEqualTo(UNIT);
        assertThat(report.baselineKw().get(39)).isNull();
        assertThat(report.baselineKw().get(40)).isEqualByComparingTo("100");
        assertThat(report.actualKw().get(41)).isEqualByComparingTo("10");
        assertThat(report.performanceKw().subList(40, 44)).containsExactly(new BigDecimal("25.000"), new BigDecimal("10.000"), null,
                new BigDecimal("40.000"));
        assertThat(report.performanceKw().get(44)).isNull();
        assertThat(report.deliveredKwh()).isEqualByComparingTo("18.75");   // (25 + 10 + 40) × 0.25
        assertThat(report.committedKwh()).isEqualByComparingTo("30");      // 30 kW × 0.25 h × 4
        assertThat(report.baselineDays()).isEqualTo(BASELINE_DAYS);
    }

    @Test
    void aCancelledEventEndsTheLifecycle() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(optedIn(UNIT, DrProgramType.PEAK_SHAVING, List.of(
                        new DrInterval(40, 44, DrTargetType.LOAD_REDUCTION, new BigDecimal("30")))))
                .andThenAPublished(new DispatchPlanIssuedEvent(PLAN, 1, 1))
                .whenPublishingA(new DrEventCancelledEvent(EVENT, "grid recovered"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void eachUnitInAnEventHasItsOwnLifecycleAndAnOptOutEndsOnlyItsOwn() {
        List<DrInterval> intervals = List.of(new DrInterval(40, 44, DrTargetType.LOAD_REDUCTION, new BigDecimal("30")));
        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(optedIn(UNIT, DrProgramType.PEAK_SHAVING, intervals))
                .andThenAPublished(optedIn(OTHER_UNIT, DrProgramType.PEAK_SHAVING, intervals))
                .whenPublishingA(new DrEventOptedOutEvent(EVENT, OTHER_UNIT, "maintenance"))
                .expectActiveSagas(1)
                .expectAssociationWith(TradingLifecycleSaga.PLAN_ID, PLAN.value())
                .expectNoAssociationWith(TradingLifecycleSaga.PLAN_ID, DispatchPlanId.forDrEvent(EVENT, OTHER_UNIT).value());
    }

    @Test
    void aBaselineNotAvailableYetIsAskedForAgainLater() {
        int[] asked = {0};
        queries.answerBaselines(q -> asked[0]++ == 0 ? null
                : new DrBaselineView(q.unitId(), q.tradingDay(), q.rule(), baseline(), BASELINE_DAYS));

        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(optedIn(UNIT, DrProgramType.VALLEY_FILLING, List.of(
                        new DrInterval(8, 12, DrTargetType.LOAD_REDUCTION, new BigDecimal("30")))))
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectTriggeredDeadlinesWithName(TradingLifecycleSaga.RETRY_DEADLINE)
                .expectNoScheduledDeadlines();

        assertThat(commands.sent(ProposeDispatchPlanCommand.class)).hasSize(1);
    }

    /** 100 kW all day except 20 kW in quarter hour 41. */
    static List<BigDecimal> baseline() {
        List<BigDecimal> b = new ArrayList<>(Collections.nCopies(96, new BigDecimal("100")));
        b.set(41, new BigDecimal("20"));
        return b;
    }

    static DrEventOptedInEvent optedIn(AggregationUnitId unit, DrProgramType type, List<DrInterval> intervals) {
        return new DrEventOptedInEvent(EVENT, unit, new BigDecimal("30"), type, BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, DAY, intervals,
                false);
    }
}
