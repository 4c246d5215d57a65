package org.evgrid.icc.command.dr;

import static org.evgrid.icc.command.common.Refused.refused;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.market.MarketTestSupport;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.dr.BaselineRule;
import org.evgrid.icc.coreapi.dr.CancelDrEventCommand;
import org.evgrid.icc.coreapi.dr.DrEventCancelledEvent;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrEventOptedInEvent;
import org.evgrid.icc.coreapi.dr.DrEventOptedOutEvent;
import org.evgrid.icc.coreapi.dr.DrEventPublishedEvent;
import org.evgrid.icc.coreapi.dr.DrInterval;
import org.evgrid.icc.coreapi.dr.DrPerformanceReportedEvent;
import org.evgrid.icc.coreapi.dr.DrProgramId;
import org.evgrid.icc.coreapi.dr.DrProgramType;
import org.evgrid.icc.coreapi.dr.DrTargetType;
import org.evgrid.icc.coreapi.dr.OptInDrEventCommand;
import org.evgrid.icc.coreapi.dr.OptOutDrEventCommand;
import org.evgrid.icc.coreapi.dr.PublishDrEventCommand;
import org.evgrid.icc.coreapi.dr.ReportDrPerformanceCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DrEventTest {

    private static final DrEventId ID = new DrEventId("DRE-20261201-01");
    private static final DrProgramId PROGRAM = new DrProgramId("DRP-JS-PEAK");
    private static final AggregationUnitId UNIT = new AggregationUnitId("AU-1");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    /** 2026-11-30 18:00 Asia/Shanghai. */
    private static final Instant DEADLINE = Instant.parse("2026-11-30T10:00:00Z");
    /** Interval 40 of 2026-12-01: 10:00 Asia/Shanghai. */
    private static final Instant FIRST_START = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant EARLY = Instant.parse("2026-11-30T01:00:00Z");

    private AggregateTestFixture<DrEvent> fixture;
    private MarketTestSupport.TestClock clock;

    @BeforeEach
    void setUp() {
        clock = new MarketTestSupport.TestClock(EARLY);
        fixture = new AggregateTestFixture<>(DrEvent.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(MarketTestSupport.units(UNIT));
    }

    private static List<DrInterval> intervals(String first) {
        return List.of(new DrInterval(40, 48, DrTargetType.LOAD_REDUCTION, new BigDecimal(first)),
                new DrInterval(48, 52, DrTargetType.LOAD_REDUCTION, new BigDecimal("300")));
    }

    private static PublishDrEventCommand publish(List<DrInterval> intervals, Instant deadline) {
        return new PublishDrEventCommand(ID, PROGRAM, DrProgramType.PEAK_SHAVING, BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, DAY, intervals,
                deadline, false);
    }

    private static DrEventPublishedEvent published() {
        return new DrEventPublishedEvent(ID, PROGRAM, DrProgramType.PEAK_SHAVING, BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, DAY,
                intervals("500.000").stream().map(i -> new DrInterval(i.startInterval(), i.endInterval(), i.targetType(),
                        i.value().setScale(3))).toList(), DEADLINE, false);
    }

    private static DrEventOptedInEvent optedIn() {
        DrEventPublishedEvent p = published();
        return new DrEventOptedInEvent(ID, UNIT, new BigDecimal("450.500"), p.programType(), p.baselineRule(), p.tradingDay(), p.intervals(),
                false);
    }

    private static List<BigDecimal> points(String value) {
        List<BigDecimal> points = new ArrayList<>(Collections.nCopies(96, (BigDecimal) null));
        for (int i = 40; i < 52; i++) {
            points.set(i, new BigDecimal(value));
        }
        return points;
    }

    private static ReportDrPerformanceCommand report() {
        return new ReportDrPerformanceCommand(ID, UNIT, points("800"), points("350.25"), points("449.75"), new BigDecimal("1349.25"),
                new BigDecimal("1351.5"), List.of(LocalDate.of(2026, 11, 24)));
    }

    @Test
    void anEventIsPublishedWithItsIntervalsAndTheSameEventAgainChangesNothing() {
        fixture.givenNoPriorActivity().when(publish(intervals("500"), DEADLINE)).expectEvents(published());
        setUp();
        fixture.given(published()).when(publish(intervals("500.0"), DEADLINE)).expectSuccessfulHandlerExecution().expectNoEvents();
        setUp();
        fixture.given(published()).when(publish(intervals("600"), DEADLINE))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-DR-EVENT-CONFLICT")).expectNoEvents();
    }

    @Test
    void intervalsMustBeWithinTheDaySortedAndNotOverlapping() {
        List<List<DrInterval>> bad = List.of(
                List.of(new DrInterval(40, 40, DrTargetType.LOAD_REDUCTION, BigDecimal.ONE)),
                List.of(new DrInterval(90, 97, DrTargetType.LOAD_REDUCTION, BigDecimal.ONE)),
                List.of(new DrInterval(-1, 4, DrTargetType.LOAD_REDUCTION, BigDecimal.ONE)));
        for (List<DrInterval> intervals : bad) {
            setUp();
            fixture.givenNoPriorActivity().when(publish(intervals, DEADLINE))
                    .expectException(refused(ErrorCategory.INVALID, "ICC-DR-INTERVAL-INVALID")).expectNoEvents();
        }
        setUp();
        fixture.givenNoPriorActivity().when(publish(List.of(new DrInterval(40, 48, DrTargetType.LOAD_REDUCTION, BigDecimal.ONE),
                        new DrInterval(47, 50, DrTargetType.LOAD_REDUCTION, BigDecimal.ONE)), DEADLINE))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DR-INTERVAL-OVERLAP")).expectNoEvents();
        setUp();
        fixture.givenNoPriorActivity().when(publish(List.of(), DEADLINE))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED")).expectNoEvents();
    }

    @Test
    void valuesAreNonNegativeWithAtMostThreeDecimalsAndATargetType() {
        fixture.givenNoPriorActivity().when(publish(intervals("-1"), DEADLINE))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DR-NEGATIVE")).expectNoEvents();
        fixture.givenNoPriorActivity().when(publish(intervals("1.0001"), DEADLINE))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DR-PRECISION")).expectNoEvents();
        fixture.givenNoPriorActivity().when(publish(List.of(new DrInterval(40, 48, null, BigDecimal.ONE)), DEADLINE))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new PublishDrEventCommand(ID, PROGRAM, null, BaselineRule.PRIOR_15_MINUTES, DAY,
                        intervals("1"), DEADLINE, true))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED")).expectNoEvents();
    }

    @Test
    void theResponseDeadlineIsBeforeTheFirstIntervalStarts() {
        fixture.givenNoPriorActivity().when(publish(intervals("500"), FIRST_START))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DR-DEADLINE-INVALID")).expectNoEvents();
        setUp();
        fixture.givenNoPriorActivity().when(publish(intervals("500"), FIRST_START.minusSeconds(1))).expectSuccessfulHandlerExecution();
    }

    @Test
    void anEventIsCancelledOnce() {
        fixture.given(published()).when(new CancelDrEventCommand(ID, "电网恢复")).expectEvents(new DrEventCancelledEvent(ID, "电网恢复"));
        setUp();
        fixture.given(published(), new DrEventCancelledEvent(ID, null)).when(new CancelDrEventCommand(ID, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-DR-EVENT-CANCELLED")).expectNoEvents();
        setUp();
        fixture.givenNoPriorActivity().when(new CancelDrEventCommand(ID, null))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-DR-EVENT-UNKNOWN")).expectNoEvents();
    }

    @Test
    void aUnitOptsInBeforeTheDeadlineWithTheEventsTerms() {
        fixture.given(published()).when(new OptInDrEventCommand(ID, UNIT, new BigDecimal("450.5"))).expectEvents(optedIn());
    }

    @Test
    void anOptInIsRefusedAfterTheDeadlineForACancelledEventTwiceOrForAnUnknownUnit() {
        clock.set(DEADLINE);
        fixture.given(published()).when(new OptInDrEventCommand(ID, UNIT, BigDecimal.TEN))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-DR-DEADLINE-PASSED")).expectNoEvents();
        setUp();
        fixture.given(published(), new DrEventCancelledEvent(ID, null)).when(new OptInDrEventCommand(ID, UNIT, BigDecimal.TEN))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-DR-EVENT-CANCELLED")).expectNoEvents();
        setUp();
        fixture.given(published(), optedIn()).when(new OptInDrEventCommand(ID, UNIT, BigDecimal.TEN))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-DR-ALREADY-OPTED-IN")).expectNoEvents();
        setUp();
        fixture.given(published()).when(new OptInDrEventCommand(ID, new AggregationUnitId("AU-NONE"), BigDecimal.TEN))
                .expectException(refused(ErrorCategory.NOT_FOUND, "ICC-UNIT-UNKNOWN")).expectNoEvents();
    }

    @Test
    void theCommittedCapacityIsPositiveWithAtMostThreeDecimals() {
        fixture.given(published()).when(new OptInDrEventCommand(ID, UNIT, BigDecimal.ZERO))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DR-ZERO")).expectNoEvents();
        fixture.given(published()).when(new OptInDrEventCommand(ID, UNIT, new BigDecimal("1.0001")))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DR-PRECISION")).expectNoEvents();
        fixture.given(published()).when(new OptInDrEventCommand(ID, UNIT, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED")).expectNoEvents();
    }

    @Test
    void anOptedInUnitOptsOutBeforeTheDeadlineAndMayOptInAgain() {
        fixture.given(published(), optedIn()).when(new OptOutDrEventCommand(ID, UNIT, "设备检修"))
                .expectEvents(new DrEventOptedOutEvent(ID, UNIT, "设备检修"));
        setUp();
        fixture.given(published(), optedIn(), new DrEventOptedOutEvent(ID, UNIT, null))
                .when(new OptInDrEventCommand(ID, UNIT, new BigDecimal("450.5"))).expectEvents(optedIn());
        setUp();
        fixture.given(published()).when(new OptOutDrEventCommand(ID, UNIT, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-DR-NOT-OPTED-IN")).expectNoEvents();
        setUp();
        clock.set(DEADLINE.plusSeconds(1));
        fixture.given(published(), optedIn()).when(new OptOutDrEventCommand(ID, UNIT, null))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-DR-DEADLINE-PASSED")).expectNoEvents();
    }

    @Test
    void theCenterReportsAnOptedInUnitsPerformanceOnce() {
        fixture.given(published(), optedIn()).when(report())
                .expectEvents(new DrPerformanceReportedEvent(ID, UNIT, scaled(points("800")), scaled(points("350.25")),
                        scaled(points("449.75")), new BigDecimal("1349.250"), new BigDecimal("1351.500"), List.of(LocalDate.of(2026, 11, 24))));
        setUp();
        fixture.given(published(), optedIn(), new DrPerformanceReportedEvent(ID, UNIT, points("1"), points("1"), points("1"),
                        BigDecimal.ONE, BigDecimal.ONE, List.of()))
                .when(report())
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-DR-ALREADY-REPORTED")).expectNoEvents();
        setUp();
        fixture.given(published()).when(report())
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-DR-NOT-OPTED-IN")).expectNoEvents();
        setUp();
        fixture.given(published(), optedIn())
                .when(new ReportDrPerformanceCommand(ID, UNIT, points("1").subList(0, 95), points("1"), points("1"), BigDecimal.ONE,
                        BigDecimal.ONE, null))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DR-POINTS")).expectNoEvents();
    }

    private static List<BigDecimal> scaled(List<BigDecimal> values) {
        return values.stream().map(v -> v == null ? null : v.setScale(3)).toList();
    }
}
