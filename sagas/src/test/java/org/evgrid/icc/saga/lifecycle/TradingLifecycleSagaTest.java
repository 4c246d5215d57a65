package org.evgrid.icc.saga.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.test.saga.SagaTestFixture;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.dispatch.CloseDispatchExecutionCommand;
import org.evgrid.icc.coreapi.dispatch.DispatchExecutionClosedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchInstructionIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanApprovedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchSourceKind;
import org.evgrid.icc.coreapi.dispatch.FindIntervalActualsQuery;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.InstructionResult;
import org.evgrid.icc.coreapi.dispatch.InstructionResultReportedEvent;
import org.evgrid.icc.coreapi.dispatch.IntervalActualsView;
import org.evgrid.icc.coreapi.dispatch.IssueDispatchInstructionsCommand;
import org.evgrid.icc.coreapi.dispatch.ProposeDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.RecordInstructionTimeoutCommand;
import org.evgrid.icc.coreapi.dispatch.RecordIntervalExecutionCommand;
import org.evgrid.icc.coreapi.market.BidClearedEvent;
import org.evgrid.icc.coreapi.market.BidDirection;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.MarketSegment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The market path of the lifecycle: cleared bid → plan → instructions → quarter hours → day closed. */
class TradingLifecycleSagaTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    /** 2026-12-01 00:00 Asia/Shanghai. */
    static final Instant DAY_START = Instant.parse("2026-11-30T16:00:00Z");
    static final Instant BEFORE_DAY = Instant.parse("2026-11-30T12:00:00Z");
    static final AggregationUnitId UNIT = new AggregationUnitId("AU-JS-NJ-1");
    static final BidId BID = BidId.of("DAY_AHEAD", DAY, UNIT);
    static final DispatchPlanId PLAN = DispatchPlanId.forBid(BID);
    static final OperatorId OPERATOR = new OperatorId("OP-1");
    static final InstructionId INSTRUCTION = InstructionId.of(PLAN, OPERATOR);
    static final Instant RESPONSE_DUE = Instant.parse("2026-11-30T13:00:00Z");

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
        queries.answerActuals(TradingLifecycleSagaTest::actuals);
    }

    @Test
    void aClearedCurvePurchaseProposesAPlanWithTheClearedCurveAsTarget() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .whenPublishingA(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .expectActiveSagas(1)
                .expectAssociationWith(TradingLifecycleSaga.PLAN_ID, PLAN.value());

        ProposeDispatchPlanCommand propose = single(ProposeDispatchPlanCommand.class);
        assertThat(propose.planId()).isEqualTo(PLAN);
        assertThat(propose.unitId()).isEqualTo(UNIT);
        assertThat(propose.tradingDay()).isEqualTo(DAY);
        assertThat(propose.sourceKind()).isEqualTo(DispatchSourceKind.MARKET_CLEARING);
        assertThat(propose.sourceRef()).isEqualTo(BID.value());
        assertThat(propose.tolerancePercent()).isEqualByComparingTo("3");
        assertThat(propose.targetKw()).hasSize(96);
        assertThat(propose.targetKw().get(0)).isEqualByComparingTo("100");
        assertThat(propose.targetKw().get(5)).isNull();
        assertThat(propose.targetKw().get(95)).isEqualByComparingTo("195");
    }

    @Test
    void aClearedCurveSaleProposesTheNegatedCurveAsDischargeOrReduction() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .whenPublishingA(cleared(BidDirection.SELL, DeclarationKind.CURVE));

        ProposeDispatchPlanCommand propose = single(ProposeDispatchPlanCommand.class);
        assertThat(propose.targetKw().get(0)).isEqualByComparingTo("-100");
        assertThat(propose.targetKw().get(5)).isNull();
        assertThat(propose.targetKw().get(40)).isEqualByComparingTo("-140");
    }

    @Test
    void anEnergyClearingLeadsToNoPlanAndEndsTheSagaAtOnce() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .whenPublishingA(cleared(BidDirection.BUY, DeclarationKind.ENERGY))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void anApprovedPlanGetsItsInstructionsIssued() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .whenPublishingA(new DispatchPlanApprovedEvent(PLAN, 1, "ok"));

        assertThat(commands.sent()).containsExactly(new IssueDispatchInstructionsCommand(PLAN));
    }

    @Test
    void anIssuedInstructionIsWatchedUntilItsResponseDeadline() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .whenPublishingA(instructionIssued())
                .expectScheduledDeadlineWithName(RESPONSE_DUE, TradingLifecycleSaga.INSTRUCTION_DEADLINE)
                .expectScheduledDeadline(RESPONSE_DUE, new LifecycleDeadline(INSTRUCTION.value(), RESPONSE_DUE));
    }

    @Test
    void aResultReportedInTimeCancelsTheResponseDeadline() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .andThenAPublished(instructionIssued())
                .whenPublishingA(new InstructionResultReportedEvent(INSTRUCTION, PLAN, OPERATOR, InstructionResult.ACCEPTED, 10, List.of(),
                        "applied"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aMissingResultIsRecordedAsATimeoutWhenTheResponseDeadlinePasses() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .andThenAPublished(instructionIssued())
                .whenTimeAdvancesTo(RESPONSE_DUE.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(TradingLifecycleSaga.INSTRUCTION_DEADLINE)
                .expectNoScheduledDeadlines();

        assertThat(commands.sent()).containsExactly(new RecordInstructionTimeoutCommand(INSTRUCTION));
    }

    @Test
    void anIssuedPlanWaitsForTheEndOfTheFirstQuarterHourPlusTheGrace() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .whenPublishingA(new DispatchPlanIssuedEvent(PLAN, 1, 1))
                .expectScheduledDeadlineWithName(DAY_START.plus(Duration.ofMinutes(25)), TradingLifecycleSaga.INTERVAL_DEADLINE);
    }

    @Test
    void eachQuarterHourIsRecordedFromItsActualsOnceItsGraceHasPassed() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .andThenAPublished(new DispatchPlanIssuedEvent(PLAN, 2, 1))
                .whenTimeAdvancesTo(DAY_START.plus(Duration.ofMinutes(55)))
                .expectScheduledDeadlineWithName(DAY_START.plus(Duration.ofMinutes(70)), TradingLifecycleSaga.INTERVAL_DEADLINE);

        List<RecordIntervalExecutionCommand> recorded = commands.sent(RecordIntervalExecutionCommand.class);
        assertThat(recorded).extracting(RecordIntervalExecutionCommand::interval).containsExactly(0, 1, 2);
        RecordIntervalExecutionCommand second = recorded.get(1);
        assertThat(second.planId()).isEqualTo(PLAN);
        assertThat(second.actualKw()).isEqualByComparingTo("91");
        assertThat(second.reportingPiles()).isEqualTo(9);
        assertThat(second.expectedPiles()).isEqualTo(10);
        assertThat(second.telemetryComplete()).isFalse();
        assertThat(queries.asked(FindIntervalActualsQuery.class)).first()
                .isEqualTo(new FindIntervalActualsQuery(PLAN, 2, UNIT, DAY, 0));
    }

    @Test
    void aPastDayIsCaughtUpAtOnceAndClosedAfterItsLastQuarterHour() {
        fixture.givenCurrentTime(Instant.parse("2026-12-03T00:00:00Z"))
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .andThenAPublished(new DispatchPlanIssuedEvent(PLAN, 1, 1))
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectTriggeredDeadlinesWithName(TradingLifecycleSaga.INTERVAL_DEADLINE)
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);

        assertThat(commands.sent(RecordIntervalExecutionCommand.class)).extracting(RecordIntervalExecutionCommand::interval)
                .containsExactlyElementsOf(IntStream.range(0, 96).boxed().toList());
        assertThat(commands.sent()).last().isEqualTo(new CloseDispatchExecutionCommand(PLAN));
    }

    @Test
    void theLastQuarterHourIsFollowedByClosingTheDay() throws Exception {
        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .andThenAPublished(new DispatchPlanIssuedEvent(PLAN, 1, 1))
                .andThenTimeAdvancesTo(DAY_START.plus(Duration.ofHours(23).plusMinutes(56)))
                .whenTimeAdvancesTo(DAY_START.plus(Duration.ofHours(24).plusMinutes(10)))
                .expectNoScheduledDeadlines();

        assertThat(commands.sent(RecordIntervalExecutionCommand.class)).extracting(RecordIntervalExecutionCommand::interval)
                .containsExactly(95);
        assertThat(commands.sent()).last().isEqualTo(new CloseDispatchExecutionCommand(PLAN));
    }

    @Test
    void aDeadlineFiringBeforeItsDueTimeIsPutBackAndAssessesNothingEarly() throws Exception {
        var given = fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .andThenAPublished(new DispatchPlanIssuedEvent(PLAN, 1, 1));
        clock.lagOnce(Duration.ofMinutes(5));

        given.whenTimeAdvancesTo(DAY_START.plus(Duration.ofMinutes(25)))
                .expectTriggeredDeadlinesWithName(TradingLifecycleSaga.INTERVAL_DEADLINE, TradingLifecycleSaga.INTERVAL_DEADLINE)
                .expectScheduledDeadlineWithName(DAY_START.plus(Duration.ofMinutes(40)), TradingLifecycleSaga.INTERVAL_DEADLINE);

        assertThat(commands.sent(RecordIntervalExecutionCommand.class)).extracting(RecordIntervalExecutionCommand::interval)
                .containsExactly(0);
    }

    @Test
    void closingAMarketDayEndsTheSaga() {
        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .andThenAPublished(instructionIssued())
                .whenPublishingA(closed())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();

        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void aRefusedCommandIsRetriedAfterTheRetryDelayInsteadOfStallingTheProcessor() {
        commands.refuseWith(c -> c instanceof ProposeDispatchPlanCommand ? unavailable() : null);

        fixture.givenCurrentTime(BEFORE_DAY)
                .whenPublishingA(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(1), TradingLifecycleSaga.RETRY_DEADLINE)
                .expectScheduledDeadline(Duration.ofMinutes(1),
                        new LifecycleRetry(TradingLifecycleSaga.Step.PROPOSE.name(), null, BEFORE_DAY.plus(Duration.ofMinutes(1))));
    }

    @Test
    void aRetriedCommandThatGoesThroughSchedulesNoFurtherRetry() {
        int[] calls = {0};
        commands.refuseWith(c -> c instanceof ProposeDispatchPlanCommand && calls[0]++ == 0 ? unavailable() : null);

        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .whenTimeElapses(Duration.ofMinutes(2))
                .expectTriggeredDeadlinesWithName(TradingLifecycleSaga.RETRY_DEADLINE)
                .expectNoScheduledDeadlines();

        assertThat(commands.sent(ProposeDispatchPlanCommand.class)).hasSize(1);
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void aStepStillRefusedAfterTheLastRetryIsGivenUpForADispatcherToHandle() throws Exception {
        SagaTestFixture<TradingLifecycleSaga> strict = new SagaTestFixture<>(TradingLifecycleSaga.class);
        strict.registerResource(commands);
        strict.registerResource(queries.gateway());
        strict.registerResource(new FixtureClock(strict::currentTime));
        strict.registerResource(new LifecycleSettings(Duration.ofMinutes(10), BigDecimal.valueOf(3), Duration.ofMinutes(1),
                Duration.ofSeconds(30), 2));
        strict.registerStartRecordingCallback(commands::clear);
        commands.refuseWith(c -> c instanceof ProposeDispatchPlanCommand ? unavailable() : null);

        strict.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .andThenTimeElapses(Duration.ofMinutes(1))
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectTriggeredDeadlinesWithName(TradingLifecycleSaga.RETRY_DEADLINE, TradingLifecycleSaga.RETRY_DEADLINE)
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);

        // the first attempt and the first retry failed in the given phase; the second and last retry fails here
        assertThat(commands.sent(ProposeDispatchPlanCommand.class)).hasSize(1);
    }

    @Test
    void aRefusalAsAlreadyDoneIsAcceptedWithoutRetry() {
        commands.refuseWith(c -> c instanceof IssueDispatchInstructionsCommand
                ? new IccException("ICC-PLAN-ISSUED", ErrorCategory.CONFLICT, "planId", "计划已下发", "The plan is already issued",
                "Nothing to do") : null);

        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .whenPublishingA(new DispatchPlanApprovedEvent(PLAN, 1, "ok"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void aQuarterHourWhoseActualsAreNotAvailableIsRetriedAndRecordedLater() throws Exception {
        int[] asked = {0};
        queries.answerActuals(q -> asked[0]++ == 0 ? null : actuals(q));

        fixture.givenCurrentTime(BEFORE_DAY)
                .andThenAPublished(cleared(BidDirection.BUY, DeclarationKind.CURVE))
                .andThenAPublished(new DispatchPlanIssuedEvent(PLAN, 1, 1))
                .andThenTimeAdvancesTo(DAY_START.plus(Duration.ofMinutes(25)))
                .whenTimeAdvancesTo(DAY_START.plus(Duration.ofMinutes(27)))
                // the fixture lists the deadlines triggered in the given phase too: the interval end that failed, then the retry
                .expectTriggeredDeadlinesWithName(TradingLifecycleSaga.INTERVAL_DEADLINE, TradingLifecycleSaga.RETRY_DEADLINE)
                .expectScheduledDeadlineWithName(DAY_START.plus(Duration.ofMinutes(40)), TradingLifecycleSaga.INTERVAL_DEADLINE);

        assertThat(commands.sent(RecordIntervalExecutionCommand.class)).extracting(RecordIntervalExecutionCommand::interval)
                .containsExactly(0);
    }

    // ---------------------------------------------------------------- fixtures

    private <T> T single(Class<T> type) {
        assertThat(commands.sent()).hasSize(1);
        return commands.sent(type).get(0);
    }

    static BidClearedEvent cleared(BidDirection direction, DeclarationKind kind) {
        List<BigDecimal> curve = new ArrayList<>();
        for (int k = 0; k < 96; k++) {
            curve.add(k == 5 ? null : BigDecimal.valueOf(100 + k));
        }
        return new BidClearedEvent(BID, "REQ-1", "DAY_AHEAD", MarketSegment.DAY_AHEAD_SPOT, kind, DAY, DAY, UNIT, direction,
                new BigDecimal("3500"), kind == DeclarationKind.CURVE ? curve : null, Collections.nCopies(96, new BigDecimal("350")),
                BEFORE_DAY.minus(Duration.ofHours(2)), "EX-1");
    }

    static DispatchInstructionIssuedEvent instructionIssued() {
        return new DispatchInstructionIssuedEvent(INSTRUCTION, PLAN, 1, OPERATOR, UNIT, DAY, 10,
                Collections.nCopies(96, new BigDecimal("100")), "digest", RESPONSE_DUE);
    }

    static DispatchExecutionClosedEvent closed() {
        return new DispatchExecutionClosedEvent(PLAN, 1, UNIT, DAY, DispatchSourceKind.MARKET_CLEARING, BID.value(), 96, 0, 0,
                new BigDecimal("2400"), new BigDecimal("2390"), Collections.nCopies(96, new BigDecimal("99.5")));
    }

    /** Actuals of a quarter hour: 90 + k kW, 10 piles expected, 9 report in odd quarter hours. */
    static IntervalActualsView actuals(FindIntervalActualsQuery q) {
        boolean odd = q.interval() % 2 == 1;
        return new IntervalActualsView(q.planId(), q.interval(), new BigDecimal("100"), BigDecimal.valueOf(90 + q.interval()),
                odd ? 9 : 10, 10, !odd, List.of(), List.of());
    }

    static IccException unavailable() {
        return new IccException("ICC-SVC-UNAVAILABLE", ErrorCategory.UNAVAILABLE, null, "服务暂不可用", "The service is not available",
                "Try again later");
    }
}
