package org.evgrid.icc.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.command.common.Refused.refused;
import static org.evgrid.icc.command.dispatch.PlanTestData.DAY;
import static org.evgrid.icc.command.dispatch.PlanTestData.FIRST_TARGET;
import static org.evgrid.icc.command.dispatch.PlanTestData.OP_A;
import static org.evgrid.icc.command.dispatch.PlanTestData.OP_B;
import static org.evgrid.icc.command.dispatch.PlanTestData.OP_C;
import static org.evgrid.icc.command.dispatch.PlanTestData.PLAN;
import static org.evgrid.icc.command.dispatch.PlanTestData.SOURCE;
import static org.evgrid.icc.command.dispatch.PlanTestData.TOLERANCE;
import static org.evgrid.icc.command.dispatch.PlanTestData.UNIT;
import static org.evgrid.icc.command.dispatch.PlanTestData.inputs;
import static org.evgrid.icc.command.dispatch.PlanTestData.propose;
import static org.evgrid.icc.command.dispatch.PlanTestData.proposed;
import static org.evgrid.icc.command.dispatch.PlanTestData.recomputedDigest;
import static org.evgrid.icc.command.dispatch.PlanTestData.target;
import static org.evgrid.icc.command.dispatch.PlanTestData.unitPiles;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.bson.Document;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.dispatch.PlanTestData.InMemoryScheduleStore;
import org.evgrid.icc.command.dispatch.allocation.FairAllocator;
import org.evgrid.icc.command.dispatch.internal.ScheduleLayout;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.dispatch.ApproveDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.AssignDeviationCauseCommand;
import org.evgrid.icc.coreapi.dispatch.CloseDeviationCommand;
import org.evgrid.icc.coreapi.dispatch.CloseDispatchExecutionCommand;
import org.evgrid.icc.coreapi.dispatch.DeviationCause;
import org.evgrid.icc.coreapi.dispatch.DeviationCauseAssignedEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationClosedEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationHandledEvent;
import org.evgrid.icc.coreapi.dispatch.DeviationId;
import org.evgrid.icc.coreapi.dispatch.DeviationKind;
import org.evgrid.icc.coreapi.dispatch.DeviationRecordedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchExecutionClosedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchInputs;
import org.evgrid.icc.coreapi.dispatch.DispatchInstructionIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanApprovedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanProposedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanRejectedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchSourceKind;
import org.evgrid.icc.coreapi.dispatch.InstructionDeliveryFailedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.InstructionRespondedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionResponse;
import org.evgrid.icc.coreapi.dispatch.InstructionResult;
import org.evgrid.icc.coreapi.dispatch.InstructionResultReportedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionTimedOutEvent;
import org.evgrid.icc.coreapi.dispatch.IntervalExecutionRecordedEvent;
import org.evgrid.icc.coreapi.dispatch.IssueDispatchInstructionsCommand;
import org.evgrid.icc.coreapi.dispatch.OperatorDeviation;
import org.evgrid.icc.coreapi.dispatch.OperatorShare;
import org.evgrid.icc.coreapi.dispatch.ProposeDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.RecomputeDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.RecordDeviationHandlingCommand;
import org.evgrid.icc.coreapi.dispatch.RecordInstructionDeliveryFailureCommand;
import org.evgrid.icc.coreapi.dispatch.RecordInstructionResponseCommand;
import org.evgrid.icc.coreapi.dispatch.RecordInstructionTimeoutCommand;
import org.evgrid.icc.coreapi.dispatch.RecordIntervalExecutionCommand;
import org.evgrid.icc.coreapi.dispatch.RejectDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.ReportInstructionResultCommand;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatchPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final InstructionId TO_A = InstructionId.of(PLAN, OP_A);
    private static final InstructionId TO_B = InstructionId.of(PLAN, OP_B);
    /** Interval 40 starts 10:00 Asia/Shanghai on 2026-12-01. */
    private static final Instant Q40 = Instant.parse("2026-12-01T02:00:00Z");

    private AggregateTestFixture<DispatchPlan> fixture;
    private final InMemoryScheduleStore store = new InMemoryScheduleStore();
    private DispatchInputs unitInputs = inputs(unitPiles());
    private final List<Object> applied = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DispatchPlan.class);
        fixture.registerCommandTargetResolver(new IccCommandTargetResolver());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(store);
        fixture.registerInjectableResource((DispatchInputSource) (unit, day) -> unitInputs);
        fixture.registerInjectableResource(new InstructionDeadlines(clock, DispatchSettings.defaults()));
    }

    // ------------------------------------------------------------------ proposal

    @Test
    void aProposalAllocatesTheTargetStoresTheScheduleAndCarriesItsDigest() {
        fixture.givenNoPriorActivity()
                .when(propose(target("9")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(captured());

        assertThat(applied).hasSize(1);
        DispatchPlanProposedEvent event = (DispatchPlanProposedEvent) applied.get(0);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.targetKw()).isEqualTo(target("9.000"));
        assertThat(event.piles()).isEqualTo(3);
        assertThat(event.excludedPiles()).isEqualTo(2);
        assertThat(event.allocationRule()).isEqualTo(FairAllocator.RULE);
        assertThat(event.plannedKw()).hasSize(96);
        for (int k = FIRST_TARGET; k < 96; k++) {
            assertThat(event.plannedKw().get(k)).as("planned kW in interval " + k).isBetween(new BigDecimal("8.99"), new BigDecimal("9.01"));
        }
        assertThat(event.operators()).extracting(OperatorShare::operatorId).containsExactly(OP_A, OP_B, OP_C);
        assertThat(event.operators()).extracting(OperatorShare::piles).containsExactly(2, 1, 0);
        for (int k = 0; k < 96; k++) {
            int interval = k;
            BigDecimal sum = event.operators().stream().map(s -> s.plannedKw().get(interval)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("operator shares add up in interval " + k).isEqualByComparingTo(event.plannedKw().get(k));
        }
        for (OperatorShare share : event.operators()) {
            BigDecimal kwh = share.plannedKw().stream().reduce(BigDecimal.ZERO, BigDecimal::add).multiply(new BigDecimal("0.25"));
            assertThat(share.plannedKwh()).isEqualByComparingTo(kwh);
        }
        assertThat(event.operators().get(2).plannedKw()).allMatch(v -> v.signum() == 0);

        Document index = store.documents.get(ScheduleLayout.indexId(PLAN.value(), 1));
        assertThat(index.getString("digest")).isEqualTo(event.scheduleDigest());
        assertThat(recomputedDigest(index, store.documents::get)).isEqualTo(event.scheduleDigest());
        assertThat(index.getInteger("piles")).isEqualTo(5);
    }

    @Test
    void theSameProposalSentAgainChangesNothing() {
        fixture.givenCommands(propose(target("9")))
                .when(propose(target("9.000")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aProposalWithAnotherTargetMakesANewVersion() {
        fixture.givenCommands(propose(target("9")))
                .when(propose(target("12")))
                .expectEventsMatching(captured());
        DispatchPlanProposedEvent event = (DispatchPlanProposedEvent) applied.get(0);
        assertThat(event.version()).isEqualTo(2);
        assertThat(event.targetKw()).isEqualTo(target("12.000"));
        assertThat(store.documents).containsKeys(ScheduleLayout.indexId(PLAN.value(), 1), ScheduleLayout.indexId(PLAN.value(), 2));
    }

    @Test
    void aRejectedPlanProposedAgainIsRecomputedAsANewVersion() {
        fixture.given(proposed(1), new DispatchPlanRejectedEvent(PLAN, 1, "too high"))
                .when(propose(target("9")))
                .expectEventsMatching(captured());
        assertThat(((DispatchPlanProposedEvent) applied.get(0)).version()).isEqualTo(2);
    }

    @Test
    void anApprovedPlanIsNeitherProposedAgainNorRecomputed() {
        fixture.given(proposed(1), new DispatchPlanApprovedEvent(PLAN, 1, null))
                .when(propose(target("12")))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PLAN-ALREADY-APPROVED"))
                .expectNoEvents();
        fixture.given(proposed(1), new DispatchPlanApprovedEvent(PLAN, 1, null))
                .when(new RecomputeDispatchPlanCommand(PLAN, "piles went offline"))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PLAN-ALREADY-APPROVED"))
                .expectNoEvents();
        assertThat(store.writes).isZero();
    }

    @Test
    void aPlanIdIsNotReusedForAnotherUnitOrDay() {
        fixture.given(proposed(1))
                .when(new ProposeDispatchPlanCommand(PLAN, new AggregationUnitId("AU-2"), DAY, DispatchSourceKind.MARKET_CLEARING, SOURCE,
                        target("9"), TOLERANCE))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PLAN-SOURCE-MISMATCH"))
                .expectNoEvents();
        fixture.given(proposed(1))
                .when(new ProposeDispatchPlanCommand(PLAN, UNIT, DAY.plusDays(1), DispatchSourceKind.MARKET_CLEARING, SOURCE,
                        target("9"), TOLERANCE))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PLAN-SOURCE-MISMATCH"));
    }

    @Test
    void malformedProposalsAreRefusedWithoutEventsOrSchedules() {
        List<BigDecimal> ninetyFive = target("9").subList(0, 95);
        List<BigDecimal> noTarget = new ArrayList<>(Collections.nCopies(96, (BigDecimal) null));
        List<BigDecimal> tooPrecise = target("9");
        tooPrecise.set(50, new BigDecimal("9.0001"));
        refuses(propose(ninetyFive), ErrorCategory.INVALID, "ICC-PLAN-TARGET-POINTS");
        refuses(propose(null), ErrorCategory.INVALID, "ICC-PLAN-TARGET-POINTS");
        refuses(propose(noTarget), ErrorCategory.INVALID, "ICC-PLAN-TARGET-EMPTY");
        refuses(propose(tooPrecise), ErrorCategory.INVALID, "ICC-PLAN-PRECISION");
        refuses(withTolerance("0"), ErrorCategory.INVALID, "ICC-PLAN-TOLERANCE-INVALID");
        refuses(withTolerance("100.01"), ErrorCategory.INVALID, "ICC-PLAN-TOLERANCE-INVALID");
        refuses(withTolerance(null), ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
        refuses(new ProposeDispatchPlanCommand(PLAN, UNIT, DAY, DispatchSourceKind.MARKET_CLEARING, " ", target("9"), TOLERANCE),
                ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
        refuses(new ProposeDispatchPlanCommand(PLAN, null, DAY, DispatchSourceKind.MARKET_CLEARING, SOURCE, target("9"), TOLERANCE),
                ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
        refuses(new ProposeDispatchPlanCommand(PLAN, UNIT, null, DispatchSourceKind.MARKET_CLEARING, SOURCE, target("9"), TOLERANCE),
                ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
        refuses(new ProposeDispatchPlanCommand(PLAN, UNIT, DAY, null, SOURCE, target("9"), TOLERANCE),
                ErrorCategory.INVALID, "ICC-FIELD-REQUIRED");
        assertThat(store.writes).isZero();
    }

    @Test
    void aFullToleranceOfOneHundredPercentAndAV2gTargetAreAccepted() {
        List<BigDecimal> discharge = target("9");
        discharge.set(90, new BigDecimal("-2.5"));
        fixture.givenNoPriorActivity()
                .when(new ProposeDispatchPlanCommand(PLAN, UNIT, DAY, DispatchSourceKind.DEMAND_RESPONSE, SOURCE, discharge,
                        new BigDecimal("100")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(captured());
        assertThat(applied).hasSize(1);
    }

    @Test
    void aUnitWithoutPilesGetsNoPlan() {
        unitInputs = inputs(List.of());
        refuses(propose(target("9")), ErrorCategory.UNPROCESSABLE, "ICC-PLAN-NO-PILES");
        assertThat(store.writes).isZero();
    }

    @Test
    void aDispatcherRecomputesAProposedPlanWithTheSameTarget() {
        fixture.given(proposed(1))
                .when(new RecomputeDispatchPlanCommand(PLAN, "piles went offline"))
                .expectEventsMatching(captured());
        DispatchPlanProposedEvent event = (DispatchPlanProposedEvent) applied.get(0);
        assertThat(event.version()).isEqualTo(2);
        assertThat(event.targetKw()).isEqualTo(target("9.000"));
        assertThat(event.sourceRef()).isEqualTo(SOURCE);
    }

    @Test
    void commandsForAnUnknownPlanAreNotFound() {
        refuses(new RecomputeDispatchPlanCommand(PLAN, null), ErrorCategory.NOT_FOUND, "ICC-PLAN-UNKNOWN");
        refuses(new ApproveDispatchPlanCommand(PLAN, 1, null), ErrorCategory.NOT_FOUND, "ICC-PLAN-UNKNOWN");
        refuses(new IssueDispatchInstructionsCommand(PLAN), ErrorCategory.NOT_FOUND, "ICC-PLAN-UNKNOWN");
        refuses(new RecordInstructionTimeoutCommand(TO_A), ErrorCategory.NOT_FOUND, "ICC-PLAN-UNKNOWN");
        refuses(new CloseDispatchExecutionCommand(PLAN), ErrorCategory.NOT_FOUND, "ICC-PLAN-UNKNOWN");
        refuses(new CloseDeviationCommand(DeviationId.of(PLAN, 3), "done"), ErrorCategory.NOT_FOUND, "ICC-PLAN-UNKNOWN");
    }

    // ------------------------------------------------------------------ approval

    @Test
    void aDispatcherApprovesTheCurrentVersion() {
        fixture.given(proposed(1), proposed(2))
                .when(new ApproveDispatchPlanCommand(PLAN, 2, " checked "))
                .expectEvents(new DispatchPlanApprovedEvent(PLAN, 2, "checked"));
    }

    @Test
    void approvingOrRejectingAnOlderVersionIsRefused() {
        fixture.given(proposed(1), proposed(2))
                .when(new ApproveDispatchPlanCommand(PLAN, 1, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PLAN-VERSION-STALE"))
                .expectNoEvents();
        fixture.given(proposed(1), proposed(2))
                .when(new RejectDispatchPlanCommand(PLAN, 1, "too high"))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PLAN-VERSION-STALE"))
                .expectNoEvents();
    }

    @Test
    void onlyAProposedPlanIsApprovedOrRejected() {
        fixture.given(proposed(1), new DispatchPlanApprovedEvent(PLAN, 1, null))
                .when(new ApproveDispatchPlanCommand(PLAN, 1, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PLAN-NOT-PROPOSED"))
                .expectNoEvents();
        fixture.given(proposed(1), new DispatchPlanRejectedEvent(PLAN, 1, "no"))
                .when(new RejectDispatchPlanCommand(PLAN, 1, "again"))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PLAN-NOT-PROPOSED"))
                .expectNoEvents();
    }

    @Test
    void aRejectionNeedsAReason() {
        fixture.given(proposed(1))
                .when(new RejectDispatchPlanCommand(PLAN, 1, "  "))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
        fixture.given(proposed(1))
                .when(new RejectDispatchPlanCommand(PLAN, 1, "target above the unit's capacity"))
                .expectEvents(new DispatchPlanRejectedEvent(PLAN, 1, "target above the unit's capacity"));
    }

    // ------------------------------------------------------------------ instructions

    @Test
    void anApprovedPlanIssuesOneInstructionPerOperatorWithPilesThenThePlan() {
        Instant deadline = NOW.plus(Duration.ofMinutes(10));
        DispatchPlanProposedEvent plan = proposed(1);
        fixture.given(plan, new DispatchPlanApprovedEvent(PLAN, 1, null))
                .when(new IssueDispatchInstructionsCommand(PLAN))
                .expectEvents(
                        new DispatchInstructionIssuedEvent(TO_A, PLAN, 1, OP_A, UNIT, DAY, 2, plan.operators().get(0).plannedKw(),
                                "digest-v1", deadline),
                        new DispatchInstructionIssuedEvent(TO_B, PLAN, 1, OP_B, UNIT, DAY, 1, plan.operators().get(1).plannedKw(),
                                "digest-v1", deadline),
                        new DispatchPlanIssuedEvent(PLAN, 1, 2));
    }

    @Test
    void issuingAgainAfterTheInstructionsWentOutChangesNothing() {
        fixture.given(issuedPlan())
                .when(new IssueDispatchInstructionsCommand(PLAN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPlanNotApprovedIssuesNoInstructions() {
        fixture.given(proposed(1))
                .when(new IssueDispatchInstructionsCommand(PLAN))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PLAN-NOT-APPROVED"))
                .expectNoEvents();
    }

    @Test
    void thePlatformsAnswerIsRecordedOnce() {
        fixture.given(issuedPlan())
                .when(new RecordInstructionResponseCommand(TO_A, InstructionResponse.ACCEPTED, "ok"))
                .expectEvents(new InstructionRespondedEvent(TO_A, PLAN, OP_A, InstructionResponse.ACCEPTED, "ok"));
        fixture.given(with(issuedPlan(), new InstructionRespondedEvent(TO_A, PLAN, OP_A, InstructionResponse.ACCEPTED, "ok")))
                .when(new RecordInstructionResponseCommand(TO_A, InstructionResponse.ACCEPTED, "ok"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anInstructionNotInThePlanIsNotFound() {
        refusesAfterIssue(new RecordInstructionResponseCommand(InstructionId.of(PLAN, OP_C), InstructionResponse.ACCEPTED, null),
                ErrorCategory.NOT_FOUND, "ICC-INSTR-UNKNOWN");
        refusesAfterIssue(new RecordInstructionTimeoutCommand(InstructionId.of(PLAN, OP_C)), ErrorCategory.NOT_FOUND, "ICC-INSTR-UNKNOWN");
    }

    @Test
    void failedDeliveriesAreRecordedAndTheFinalOneEndsDelivery() {
        fixture.given(issuedPlan())
                .when(new RecordInstructionDeliveryFailureCommand(TO_A, 1, false, "timeout"))
                .expectEvents(new InstructionDeliveryFailedEvent(TO_A, PLAN, OP_A, 1, false, "timeout"));
        Object firstFailure = new InstructionDeliveryFailedEvent(TO_A, PLAN, OP_A, 1, false, "timeout");
        fixture.given(with(issuedPlan(), firstFailure))
                .when(new RecordInstructionDeliveryFailureCommand(TO_A, 1, false, "timeout"))
                .expectNoEvents();
        Object finalFailure = new InstructionDeliveryFailedEvent(TO_A, PLAN, OP_A, 3, true, "unreachable");
        fixture.given(with(issuedPlan(), finalFailure))
                .when(new RecordInstructionResponseCommand(TO_A, InstructionResponse.ACCEPTED, null))
                .expectNoEvents();
        fixture.given(with(issuedPlan(), finalFailure))
                .when(new ReportInstructionResultCommand(TO_A, OP_A, InstructionResult.ACCEPTED, 2, List.of(), null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-INSTR-NOT-AWAITING-RESULT"))
                .expectNoEvents();
        refusesAfterIssue(new RecordInstructionDeliveryFailureCommand(TO_A, 0, false, null), ErrorCategory.INVALID,
                "ICC-INSTR-ATTEMPT-INVALID");
    }

    @Test
    void thePlatformReportsTheResultOfItsOwnInstructionOnce() {
        Object accepted = new InstructionRespondedEvent(TO_A, PLAN, OP_A, InstructionResponse.ACCEPTED, null);
        InstructionResultReportedEvent result = new InstructionResultReportedEvent(TO_A, PLAN, OP_A, InstructionResult.ACCEPTED, 1,
                List.of(new PileId("P-A2")), "one pile busy");
        fixture.given(with(issuedPlan(), accepted))
                .when(new ReportInstructionResultCommand(TO_A, OP_A, InstructionResult.ACCEPTED, 1, List.of(new PileId("P-A2")),
                        "one pile busy"))
                .expectEvents(result);
        fixture.given(with(issuedPlan(), accepted, result))
                .when(new ReportInstructionResultCommand(TO_A, OP_A, InstructionResult.ACCEPTED, 2, List.of(), null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-INSTR-RESULT-EXISTS"))
                .expectNoEvents();
    }

    @Test
    void aPlatformMayNotReportForAnotherOperatorsInstruction() {
        fixture.given(issuedPlan())
                .when(new ReportInstructionResultCommand(TO_A, OP_B, InstructionResult.ACCEPTED, 1, List.of(), null))
                .expectException(refused(ErrorCategory.FORBIDDEN, "ICC-INSTR-OPERATOR-MISMATCH"))
                .expectNoEvents();
    }

    @Test
    void aResultNamingMorePilesThanTheInstructionHasIsRefused() {
        refusesAfterIssue(new ReportInstructionResultCommand(TO_B, OP_B, InstructionResult.ACCEPTED, 2, List.of(), null),
                ErrorCategory.INVALID, "ICC-INSTR-APPLIED-PILES-INVALID");
        refusesAfterIssue(new ReportInstructionResultCommand(TO_B, OP_B, null, 1, List.of(), null), ErrorCategory.INVALID,
                "ICC-FIELD-REQUIRED");
    }

    @Test
    void aRejectedInstructionTakesNoResult() {
        fixture.given(with(issuedPlan(), new InstructionRespondedEvent(TO_A, PLAN, OP_A, InstructionResponse.REJECTED, "no")))
                .when(new ReportInstructionResultCommand(TO_A, OP_A, InstructionResult.ACCEPTED, 2, List.of(), null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-INSTR-NOT-AWAITING-RESULT"))
                .expectNoEvents();
    }

    @Test
    void anInstructionWithoutResultTimesOutOnceAndALateResultIsStillRecorded() {
        Instant deadline = NOW.plus(Duration.ofMinutes(10));
        InstructionTimedOutEvent timedOut = new InstructionTimedOutEvent(TO_A, PLAN, OP_A, deadline);
        fixture.given(issuedPlan())
                .when(new RecordInstructionTimeoutCommand(TO_A))
                .expectEvents(timedOut);
        fixture.given(with(issuedPlan(), timedOut))
                .when(new RecordInstructionTimeoutCommand(TO_A))
                .expectNoEvents();
        fixture.given(with(issuedPlan(), timedOut))
                .when(new ReportInstructionResultCommand(TO_A, OP_A, InstructionResult.ACCEPTED, 2, null, null))
                .expectEvents(new InstructionResultReportedEvent(TO_A, PLAN, OP_A, InstructionResult.ACCEPTED, 2, List.of(), null));
    }

    @Test
    void anInstructionWithItsResultDoesNotTimeOut() {
        fixture.given(with(issuedPlan(), new InstructionResultReportedEvent(TO_A, PLAN, OP_A, InstructionResult.ACCEPTED, 2, List.of(),
                        null)))
                .when(new RecordInstructionTimeoutCommand(TO_A))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ execution

    @Test
    void anIntervalWithinToleranceIsRecordedWithoutDeviation() {
        fixture.given(issuedPlan())
                .when(interval(40, "9.400", true))
                .expectEvents(new IntervalExecutionRecordedEvent(PLAN, 40, Q40, new BigDecimal("9.000"), new BigDecimal("9.400"),
                        new BigDecimal("0.400"), new BigDecimal("4.44"), true, true, 3, 3));
    }

    @Test
    void anIntervalAboveToleranceRecordsAnOverDeviationWithItsContributors() {
        List<OperatorDeviation> byOperator = List.of(new OperatorDeviation(OP_A, 2, 2, new BigDecimal("6.000"), new BigDecimal("7.000"),
                new BigDecimal("1.000")));
        fixture.given(issuedPlan())
                .when(new RecordIntervalExecutionCommand(PLAN, 40, new BigDecimal("10"), 3, 3, true, byOperator, null))
                .expectEvents(
                        new IntervalExecutionRecordedEvent(PLAN, 40, Q40, new BigDecimal("9.000"), new BigDecimal("10.000"),
                                new BigDecimal("1.000"), new BigDecimal("11.11"), false, true, 3, 3),
                        new DeviationRecordedEvent(DeviationId.of(PLAN, 40), PLAN, UNIT, DAY, 40, Q40, DeviationKind.OVER,
                                new BigDecimal("9.000"), new BigDecimal("10.000"), new BigDecimal("1.000"), new BigDecimal("11.11"),
                                TOLERANCE, byOperator, List.of()));
    }

    @Test
    void anIntervalBelowToleranceRecordsAnUnderDeviation() {
        fixture.given(issuedPlan())
                .when(interval(40, "8", true))
                .expectEventsMatching(captured());
        DeviationRecordedEvent deviation = (DeviationRecordedEvent) applied.get(1);
        assertThat(deviation.kind()).isEqualTo(DeviationKind.UNDER);
        assertThat(deviation.deviationKw()).isEqualByComparingTo("-1");
        assertThat(deviation.deviationPercent()).isEqualTo(new BigDecimal("-11.11"));
    }

    @Test
    void missingTelemetryIsADeviationOfItsOwnNeverReadAsZero() {
        fixture.given(issuedPlan())
                .when(new RecordIntervalExecutionCommand(PLAN, 40, null, 1, 3, false, null, null))
                .expectEvents(
                        new IntervalExecutionRecordedEvent(PLAN, 40, Q40, new BigDecimal("9.000"), null, null, null, false, false, 1, 3),
                        new DeviationRecordedEvent(DeviationId.of(PLAN, 40), PLAN, UNIT, DAY, 40, Q40, DeviationKind.MISSING_TELEMETRY,
                                new BigDecimal("9.000"), null, null, null, TOLERANCE, List.of(), List.of()));
        fixture.given(issuedPlan())
                .when(interval(40, "9", false))
                .expectEventsMatching(captured());
        assertThat(((DeviationRecordedEvent) applied.get(1)).kind()).isEqualTo(DeviationKind.MISSING_TELEMETRY);
    }

    @Test
    void anIntervalWithoutTargetIsWithinToleranceWhateverTheLoad() {
        fixture.given(issuedPlan())
                .when(interval(2, "55", true))
                .expectEvents(new IntervalExecutionRecordedEvent(PLAN, 2, PlanTestDataTimes.start(2), null, new BigDecimal("55.000"), null,
                        null, true, true, 3, 3));
    }

    @Test
    void anIntervalIsRecordedOnce() {
        fixture.given(with(issuedPlan(), recorded(40, "9.000")))
                .when(interval(40, "20", true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void executionIsRecordedOnlyForIssuedPlansAndKnownIntervals() {
        refusesAfterIssue(interval(96, "1", true), ErrorCategory.INVALID, "ICC-PLAN-INTERVAL-INVALID");
        refusesAfterIssue(interval(-1, "1", true), ErrorCategory.INVALID, "ICC-PLAN-INTERVAL-INVALID");
        refusesAfterIssue(new RecordIntervalExecutionCommand(PLAN, 40, null, 3, 3, true, null, null), ErrorCategory.INVALID,
                "ICC-FIELD-REQUIRED");
        fixture.given(proposed(1), new DispatchPlanApprovedEvent(PLAN, 1, null))
                .when(interval(40, "9", true))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PLAN-NOT-ISSUED"))
                .expectNoEvents();
        fixture.given(with(issuedPlan(), closed()))
                .when(interval(41, "9", true))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PLAN-EXECUTION-CLOSED"))
                .expectNoEvents();
    }

    @Test
    void closingTheDaySumsPlannedAndActualEnergyAndCountsDeviations() {
        fixture.given(with(issuedPlan(), recorded(2, "4.000"), recorded(40, "9.000"), recorded(41, "10.000"), deviation(41),
                        recorded(42, "9.200"), deviation(42), new DeviationCauseAssignedEvent(DeviationId.of(PLAN, 42), PLAN,
                                DeviationCause.USER_BEHAVIOUR, null),
                        new DeviationHandledEvent(DeviationId.of(PLAN, 42), PLAN, "called", "ok"),
                        new DeviationClosedEvent(DeviationId.of(PLAN, 42), PLAN, UNIT, DAY, 42, DeviationKind.OVER, new BigDecimal("0.200"),
                                DeviationCause.USER_BEHAVIOUR, "called", "ok", "fine")))
                .when(new CloseDispatchExecutionCommand(PLAN))
                .expectEventsMatching(captured());
        DispatchExecutionClosedEvent event = (DispatchExecutionClosedEvent) applied.get(0);
        assertThat(event.intervalsRecorded()).isEqualTo(4);
        assertThat(event.deviations()).isEqualTo(2);
        assertThat(event.openDeviations()).isEqualTo(1);
        // 92 intervals with a target × 9 kW × 0.25 h
        assertThat(event.plannedKwh()).isEqualByComparingTo("207");
        // (4 + 9 + 10 + 9.2) kW × 0.25 h
        assertThat(event.actualKwh()).isEqualByComparingTo("8.05");
        assertThat(event.actualKw()).hasSize(96);
        assertThat(event.actualKw().get(41)).isEqualByComparingTo("10");
        assertThat(event.actualKw().get(0)).isNull();
        assertThat(event.sourceKind()).isEqualTo(DispatchSourceKind.MARKET_CLEARING);
        assertThat(event.sourceRef()).isEqualTo(SOURCE);
    }

    @Test
    void closingTheDayTwiceChangesNothingAndAPlanNotIssuedCannotBeClosed() {
        fixture.given(with(issuedPlan(), closed()))
                .when(new CloseDispatchExecutionCommand(PLAN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(proposed(1))
                .when(new CloseDispatchExecutionCommand(PLAN))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-PLAN-NOT-ISSUED"))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ deviations

    @Test
    void aDeviationIsGivenACauseHandledAndClosedWithItsFacts() {
        DeviationId id = DeviationId.of(PLAN, 41);
        List<Object> history = with(issuedPlan(), recorded(41, "10.000"), deviation(41));
        fixture.given(history)
                .when(new AssignDeviationCauseCommand(id, DeviationCause.FORECAST_ERROR, "cold morning"))
                .expectEvents(new DeviationCauseAssignedEvent(id, PLAN, DeviationCause.FORECAST_ERROR, "cold morning"));
        history.add(new DeviationCauseAssignedEvent(id, PLAN, DeviationCause.FORECAST_ERROR, "cold morning"));
        fixture.given(history)
                .when(new RecordDeviationHandlingCommand(id, "lowered the next intervals", "back within tolerance"))
                .expectEvents(new DeviationHandledEvent(id, PLAN, "lowered the next intervals", "back within tolerance"));
        history.add(new DeviationHandledEvent(id, PLAN, "lowered the next intervals", "back within tolerance"));
        fixture.given(history)
                .when(new CloseDeviationCommand(id, "forecast model updated"))
                .expectEvents(new DeviationClosedEvent(id, PLAN, UNIT, DAY, 41, DeviationKind.OVER, new BigDecimal("1.000"),
                        DeviationCause.FORECAST_ERROR, "lowered the next intervals", "back within tolerance", "forecast model updated"));
        history.add(new DeviationClosedEvent(id, PLAN, UNIT, DAY, 41, DeviationKind.OVER, new BigDecimal("1.000"),
                DeviationCause.FORECAST_ERROR, "lowered the next intervals", "back within tolerance", "forecast model updated"));
        fixture.given(history)
                .when(new AssignDeviationCauseCommand(id, DeviationCause.USER_BEHAVIOUR, null))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-DEV-CLOSED"))
                .expectNoEvents();
        fixture.given(history)
                .when(new CloseDeviationCommand(id, "again"))
                .expectException(refused(ErrorCategory.CONFLICT, "ICC-DEV-CLOSED"))
                .expectNoEvents();
    }

    @Test
    void theCauseOtherNeedsADetailAndTheSameCauseAgainChangesNothing() {
        DeviationId id = DeviationId.of(PLAN, 41);
        fixture.given(with(issuedPlan(), recorded(41, "10.000"), deviation(41)))
                .when(new AssignDeviationCauseCommand(id, DeviationCause.OTHER, " "))
                .expectException(refused(ErrorCategory.INVALID, "ICC-DEV-DETAIL-REQUIRED"))
                .expectNoEvents();
        fixture.given(with(issuedPlan(), recorded(41, "10.000"), deviation(41),
                        new DeviationCauseAssignedEvent(id, PLAN, DeviationCause.GRID_CONSTRAINT, null)))
                .when(new AssignDeviationCauseCommand(id, DeviationCause.GRID_CONSTRAINT, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeviationIsClosedOnlyWithCauseHandlingAndConclusion() {
        DeviationId id = DeviationId.of(PLAN, 41);
        List<Object> open = with(issuedPlan(), recorded(41, "10.000"), deviation(41));
        fixture.given(open)
                .when(new CloseDeviationCommand(id, "done"))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-DEV-CAUSE-MISSING"))
                .expectNoEvents();
        List<Object> withCause = with(open, new DeviationCauseAssignedEvent(id, PLAN, DeviationCause.EQUIPMENT_FAULT, null));
        fixture.given(withCause)
                .when(new CloseDeviationCommand(id, "done"))
                .expectException(refused(ErrorCategory.UNPROCESSABLE, "ICC-DEV-HANDLING-MISSING"))
                .expectNoEvents();
        fixture.given(with(withCause, new DeviationHandledEvent(id, PLAN, "m", "r")))
                .when(new CloseDeviationCommand(id, ""))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
        fixture.given(open)
                .when(new RecordDeviationHandlingCommand(id, "called the operator", " "))
                .expectException(refused(ErrorCategory.INVALID, "ICC-FIELD-REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aDeviationNotRecordedIsNotFound() {
        refusesAfterIssue(new AssignDeviationCauseCommand(DeviationId.of(PLAN, 7), DeviationCause.OTHER, "x"), ErrorCategory.NOT_FOUND,
                "ICC-DEV-UNKNOWN");
        refusesAfterIssue(new RecordDeviationHandlingCommand(DeviationId.of(PLAN, 7), "m", "r"), ErrorCategory.NOT_FOUND,
                "ICC-DEV-UNKNOWN");
    }

    // ------------------------------------------------------------------ support

    private static List<Object> issuedPlan() {
        DispatchPlanProposedEvent plan = proposed(1);
        Instant deadline = NOW.plus(Duration.ofMinutes(10));
        return List.of(plan, new DispatchPlanApprovedEvent(PLAN, 1, null),
                new DispatchInstructionIssuedEvent(TO_A, PLAN, 1, OP_A, UNIT, DAY, 2, plan.operators().get(0).plannedKw(), "digest-v1",
                        deadline),
                new DispatchInstructionIssuedEvent(TO_B, PLAN, 1, OP_B, UNIT, DAY, 1, plan.operators().get(1).plannedKw(), "digest-v1",
                        deadline),
                new DispatchPlanIssuedEvent(PLAN, 1, 2));
    }

    private static List<Object> with(List<Object> history, Object... more) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }

    private static RecordIntervalExecutionCommand interval(int k, String actualKw, boolean complete) {
        return new RecordIntervalExecutionCommand(PLAN, k, new BigDecimal(actualKw), 3, 3, complete, null, null);
    }

    private static IntervalExecutionRecordedEvent recorded(int k, String actualKw) {
        BigDecimal target = k < FIRST_TARGET ? null : new BigDecimal("9.000");
        BigDecimal actual = new BigDecimal(actualKw);
        BigDecimal deviation = target == null ? null : actual.subtract(target);
        return new IntervalExecutionRecordedEvent(PLAN, k, PlanTestDataTimes.start(k), target, actual, deviation, null, true, true, 3, 3);
    }

    private static DeviationRecordedEvent deviation(int k) {
        return new DeviationRecordedEvent(DeviationId.of(PLAN, k), PLAN, UNIT, DAY, k, PlanTestDataTimes.start(k), DeviationKind.OVER,
                new BigDecimal("9.000"), new BigDecimal("10.000"), new BigDecimal("1.000"), new BigDecimal("11.11"), TOLERANCE, List.of(),
                List.of());
    }

    private static DispatchExecutionClosedEvent closed() {
        return new DispatchExecutionClosedEvent(PLAN, 1, UNIT, DAY, DispatchSourceKind.MARKET_CLEARING, SOURCE, 0, 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, Collections.nCopies(96, null));
    }

    private ProposeDispatchPlanCommand withTolerance(String tolerance) {
        return new ProposeDispatchPlanCommand(PLAN, UNIT, DAY, DispatchSourceKind.MARKET_CLEARING, SOURCE, target("9"),
                tolerance == null ? null : new BigDecimal(tolerance));
    }

    private void refuses(Object command, ErrorCategory category, String code) {
        setUp(); // a fixture serves a single aggregate instance
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(refused(category, code))
                .expectNoEvents();
    }

    private void refusesAfterIssue(Object command, ErrorCategory category, String code) {
        fixture.given(issuedPlan())
                .when(command)
                .expectException(refused(category, code))
                .expectNoEvents();
    }

    /** Captures the applied event payloads into {@link #applied}; the test then asserts on them. */
    private Matcher<List<EventMessage<?>>> captured() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                applied.clear();
                events.forEach(e -> applied.add(e.getPayload()));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("any events (captured for assertions)");
            }
        };
    }
}
