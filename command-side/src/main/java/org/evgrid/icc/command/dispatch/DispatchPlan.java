package org.evgrid.icc.command.dispatch;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.command.dispatch.allocation.Allocation;
import org.evgrid.icc.command.dispatch.allocation.FairAllocator;
import org.evgrid.icc.command.dispatch.internal.DeviationState;
import org.evgrid.icc.command.dispatch.internal.InstructionState;
import org.evgrid.icc.command.dispatch.internal.PlanRefusals;
import org.evgrid.icc.command.dispatch.internal.PlanRules;
import org.evgrid.icc.command.dispatch.internal.ScheduleLayout;
import org.evgrid.icc.command.dispatch.internal.ScheduleStore;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
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
import org.evgrid.icc.coreapi.dispatch.DeviationStatus;
import org.evgrid.icc.coreapi.dispatch.DispatchExecutionClosedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchInputs;
import org.evgrid.icc.coreapi.dispatch.DispatchInstructionIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanApprovedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanProposedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanRejectedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanStatus;
import org.evgrid.icc.coreapi.dispatch.DispatchSourceKind;
import org.evgrid.icc.coreapi.dispatch.InstructionDeliveryFailedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.InstructionRespondedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionResultReportedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionStatus;
import org.evgrid.icc.coreapi.dispatch.InstructionTimedOutEvent;
import org.evgrid.icc.coreapi.dispatch.IntervalExecutionRecordedEvent;
import org.evgrid.icc.coreapi.dispatch.IssueDispatchInstructionsCommand;
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

/**
 * The dispatch plan of an aggregation unit for a trading day, stream {@code plan:<plan id>}: proposed
 * (allocated to piles by {@link FairAllocator}, the per-pile schedule stored beside the event, docs/dispatch-schedules.md),
 * recomputed, approved or rejected by a dispatcher, issued as one instruction per operator platform, watched quarter
 * hour by quarter hour with deviations and their handling, and closed at the end of the day. Instructions
 * ({@code <plan id>~<operator id>}) and deviations ({@code <plan id>~Q<interval>}) live inside the plan.
 *
 * <p>Commands the center sends repeatedly (saga and gateway retries) are idempotent: a repeat changes nothing and
 * applies no event. A refused command applies no event and stores no schedule an event points to.
 *
 * <p>The handlers take {@link DispatchInputSource}, the {@link ScheduleStore} and {@link InstructionDeadlines} as
 * parameters (Spring beans).
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class DispatchPlan {

    private static final int N = PlanRules.INTERVALS;

    @AggregateIdentifier
    private String streamId;
    private DispatchPlanId planId;
    private int version;
    private AggregationUnitId unitId;
    private LocalDate tradingDay;
    private DispatchSourceKind sourceKind;
    private String sourceRef;
    private List<BigDecimal> targetKw;
    private List<BigDecimal> plannedKw;
    private BigDecimal tolerancePercent;
    private String scheduleDigest;
    private List<OperatorShare> operators;
    private DispatchPlanStatus status;
    private final Map<String, InstructionState> instructions = new TreeMap<>();
    private final Map<Integer, BigDecimal> actuals = new TreeMap<>();
    private final Map<Integer, DeviationState> deviations = new TreeMap<>();

    /** For Axon. */
    public DispatchPlan() {
    }

    // ---------------------------------------------------------------- proposal and approval

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ProposeDispatchPlanCommand command, DispatchInputSource inputs, ScheduleStore schedules) {
        PlanRules.proposal(command);
        List<BigDecimal> target = PlanRules.scaled(command.targetKw());
        if (planId != null) {
            if (!unitId.equals(command.unitId()) || !tradingDay.equals(command.tradingDay())) {
                throw PlanRefusals.sourceMismatch(planId, unitId, tradingDay).exception();
            }
            requireRecomputable();
            if (status == DispatchPlanStatus.PROPOSED && sourceKind == command.sourceKind() && sourceRef.equals(command.sourceRef().strip())
                    && PlanRules.sameCurve(targetKw, target) && tolerancePercent.compareTo(command.tolerancePercent()) == 0) {
                return;
            }
        }
        propose(command.planId(), command.unitId(), command.tradingDay(), command.sourceKind(), command.sourceRef().strip(), target,
                command.tolerancePercent(), inputs, schedules);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecomputeDispatchPlanCommand command, DispatchInputSource inputs, ScheduleStore schedules) {
        requirePlan(command.planId());
        Texts.optional(command.reason(), "reason", "重新编制原因", "reason", PlanRules.MAX_TEXT);
        requireRecomputable();
        propose(planId, unitId, tradingDay, sourceKind, sourceRef, targetKw, tolerancePercent, inputs, schedules);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ApproveDispatchPlanCommand command) {
        requirePlan(command.planId());
        String note = Texts.optional(command.note(), "note", "审批意见", "note", PlanRules.MAX_TEXT);
        requireProposedVersion(command.version());
        apply(new DispatchPlanApprovedEvent(planId, version, note));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RejectDispatchPlanCommand command) {
        requirePlan(command.planId());
        String reason = Texts.required(command.reason(), "reason", "驳回原因", "reason", PlanRules.MAX_TEXT);
        requireProposedVersion(command.version());
        apply(new DispatchPlanRejectedEvent(planId, version, reason));
    }

    private void propose(DispatchPlanId id, AggregationUnitId unit, LocalDate day, DispatchSourceKind kind, String ref,
                         List<BigDecimal> target, BigDecimal tolerance, DispatchInputSource inputs, ScheduleStore schedules) {
        DispatchInputs given = inputs.inputs(unit, day);
        if (given == null || given.piles() == null || given.piles().isEmpty()) {
            throw PlanRefusals.noPiles(unit, day).exception();
        }
        Allocation allocation = new FairAllocator().allocate(given.piles(), PlanRules.targetW(target));
        int next = version + 1;
        ScheduleLayout layout = ScheduleLayout.of(id, next, unit, day, allocation);
        schedules.write(layout);
        int all = allocation.piles().size();
        apply(new DispatchPlanProposedEvent(id, next, unit, day, kind, ref, target, PlanRules.kw(allocation.plannedW()), tolerance,
                all - allocation.excludedPiles(), allocation.excludedPiles(), PlanRules.shares(allocation, layout.byOperator()),
                List.copyOf(allocation.notes()), FairAllocator.RULE, layout.digest()));
    }

    private void requireRecomputable() {
        if (status != DispatchPlanStatus.PROPOSED && status != DispatchPlanStatus.REJECTED) {
            throw PlanRefusals.alreadyApproved(planId, status).exception();
        }
    }

    private void requireProposedVersion(int given) {
        if (status != DispatchPlanStatus.PROPOSED) {
            throw PlanRefusals.notProposed(planId, status).exception();
        }
        if (given != version) {
            throw PlanRefusals.staleVersion(planId, given, version).exception();
        }
    }

    private void requirePlan(DispatchPlanId id) {
        if (planId == null) {
            throw PlanRefusals.unknownPlan(id).exception();
        }
    }

    // ---------------------------------------------------------------- instructions

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(IssueDispatchInstructionsCommand command, InstructionDeadlines deadlines) {
        requirePlan(command.planId());
        if (status == DispatchPlanStatus.ISSUED || status == DispatchPlanStatus.EXECUTING || status == DispatchPlanStatus.CLOSED) {
            return;
        }
        if (status != DispatchPlanStatus.APPROVED) {
            throw PlanRefusals.notApproved(planId, status).exception();
        }
        Instant deadline = deadlines.responseDeadline();
        int issued = 0;
        for (OperatorShare share : operators) {
            if (share.piles() > 0) {
                apply(new DispatchInstructionIssuedEvent(InstructionId.of(planId, share.operatorId()), planId, version, share.operatorId(),
                        unitId, tradingDay, share.piles(), share.plannedKw(), scheduleDigest, deadline));
                issued++;
            }
        }
        apply(new DispatchPlanIssuedEvent(planId, version, issued));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordInstructionResponseCommand command) {
        InstructionState instruction = instruction(command.instructionId());
        if (command.response() == null) {
            throw Texts.missing("response", "运营商平台答复", "response").exception();
        }
        String message = Texts.optional(command.message(), "message", "答复说明", "message", PlanRules.MAX_TEXT);
        if (instruction.status() != InstructionStatus.ISSUED) {
            return;
        }
        apply(new InstructionRespondedEvent(command.instructionId(), planId, command.instructionId().operatorId(), command.response(),
                message));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordInstructionDeliveryFailureCommand command) {
        InstructionState instruction = instruction(command.instructionId());
        if (command.attempt() < 1) {
            throw PlanRefusals.attemptInvalid(command.attempt()).exception();
        }
        String reason = Texts.optional(command.reason(), "reason", "失败原因", "reason", PlanRules.MAX_TEXT);
        if (instruction.status() != InstructionStatus.ISSUED || command.attempt() <= instruction.lastAttempt()) {
            return;
        }
        apply(new InstructionDeliveryFailedEvent(command.instructionId(), planId, command.instructionId().operatorId(), command.attempt(),
                command.finalAttempt(), reason));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReportInstructionResultCommand command) {
        InstructionId id = command.instructionId();
        if (command.operatorId() == null || !command.operatorId().equals(id.operatorId())) {
            throw PlanRefusals.operatorMismatch(id, command.operatorId()).exception();
        }
        InstructionState instruction = instruction(id);
        if (command.result() == null) {
            throw Texts.missing("result", "执行结果", "result").exception();
        }
        List<?> rejected = command.rejectedPiles() == null ? List.of() : command.rejectedPiles();
        if (command.appliedPiles() < 0 || command.appliedPiles() > instruction.piles()
                || command.appliedPiles() + rejected.size() > instruction.piles()) {
            throw PlanRefusals.appliedPilesInvalid(command.appliedPiles(), instruction.piles()).exception();
        }
        String message = Texts.optional(command.message(), "message", "结果说明", "message", PlanRules.MAX_TEXT);
        if (instruction.resultReported()) {
            throw PlanRefusals.resultExists(id).exception();
        }
        InstructionStatus s = instruction.status();
        if (s != InstructionStatus.ISSUED && s != InstructionStatus.ACCEPTED && s != InstructionStatus.TIMED_OUT) {
            throw PlanRefusals.notAwaitingResult(id, s).exception();
        }
        apply(new InstructionResultReportedEvent(id, planId, id.operatorId(), command.result(), command.appliedPiles(),
                command.rejectedPiles() == null ? List.of() : List.copyOf(command.rejectedPiles()), message));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordInstructionTimeoutCommand command) {
        InstructionState instruction = instruction(command.instructionId());
        if (instruction.resultReported()
                || instruction.status() != InstructionStatus.ISSUED && instruction.status() != InstructionStatus.ACCEPTED) {
            return;
        }
        apply(new InstructionTimedOutEvent(command.instructionId(), planId, command.instructionId().operatorId(),
                instruction.responseDeadline()));
    }

    private InstructionState instruction(InstructionId id) {
        if (id == null) {
            throw Texts.missing("instructionId", "调度指令", "instruction").exception();
        }
        requirePlan(id.planId());
        InstructionState instruction = instructions.get(id.operatorId().value());
        if (instruction == null) {
            throw PlanRefusals.unknownInstruction(id).exception();
        }
        return instruction;
    }

    // ---------------------------------------------------------------- execution

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordIntervalExecutionCommand command) {
        requirePlan(command.planId());
        int k = command.interval();
        if (k < 0 || k >= N) {
            throw PlanRefusals.intervalInvalid(k).exception();
        }
        if (command.telemetryComplete() && command.actualKw() == null) {
            throw Texts.missing("actualKw", "实际负荷（千瓦）", "actual load (kW)").exception();
        }
        if (command.reportingPiles() < 0 || command.expectedPiles() < 0) {
            throw PlanRefusals.reportingPilesInvalid(command.reportingPiles(), command.expectedPiles()).exception();
        }
        if (status == DispatchPlanStatus.CLOSED) {
            throw PlanRefusals.executionClosed(planId).exception();
        }
        if (status != DispatchPlanStatus.ISSUED && status != DispatchPlanStatus.EXECUTING) {
            throw PlanRefusals.notIssued(planId, status).exception();
        }
        if (actuals.containsKey(k)) {
            return;
        }
        Instant start = PlanRules.intervalStart(tradingDay, k);
        BigDecimal actual = command.actualKw() == null ? null : command.actualKw().setScale(PlanRules.KW_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal target = targetKw.get(k);
        if (target == null) {
            apply(new IntervalExecutionRecordedEvent(planId, k, start, null, actual, null, null, true, command.telemetryComplete(),
                    command.reportingPiles(), command.expectedPiles()));
            return;
        }
        BigDecimal deviation = actual == null ? null : PlanRules.deviationKw(actual, target);
        BigDecimal percent = deviation == null ? null : PlanRules.deviationPercent(deviation, target);
        DeviationKind kind = PlanRules.classify(command.telemetryComplete(), deviation, percent, tolerancePercent);
        apply(new IntervalExecutionRecordedEvent(planId, k, start, target, actual, deviation, percent, kind == null,
                command.telemetryComplete(), command.reportingPiles(), command.expectedPiles()));
        if (kind != null) {
            apply(new DeviationRecordedEvent(DeviationId.of(planId, k), planId, unitId, tradingDay, k, start, kind, target, actual,
                    deviation, percent, tolerancePercent, command.byOperator() == null ? List.of() : List.copyOf(command.byOperator()),
                    command.topPiles() == null ? List.of() : List.copyOf(command.topPiles())));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CloseDispatchExecutionCommand command) {
        requirePlan(command.planId());
        if (status == DispatchPlanStatus.CLOSED) {
            return;
        }
        if (status != DispatchPlanStatus.ISSUED && status != DispatchPlanStatus.EXECUTING) {
            throw PlanRefusals.notIssued(planId, status).exception();
        }
        List<BigDecimal> planned = new ArrayList<>();
        List<BigDecimal> actual = new ArrayList<>(Collections.nCopies(N, null));
        for (int k = 0; k < N; k++) {
            if (targetKw.get(k) != null) {
                planned.add(plannedKw.get(k));
            }
        }
        actuals.forEach(actual::set);
        long open = deviations.values().stream().filter(d -> d.status() != DeviationStatus.CLOSED).count();
        apply(new DispatchExecutionClosedEvent(planId, version, unitId, tradingDay, sourceKind, sourceRef, actuals.size(),
                deviations.size(), (int) open, PlanRules.kwh(planned), PlanRules.kwh(actual), Collections.unmodifiableList(actual)));
    }

    // ---------------------------------------------------------------- deviations

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AssignDeviationCauseCommand command) {
        DeviationState deviation = openDeviation(command.deviationId());
        if (command.cause() == null) {
            throw Texts.missing("cause", "偏差原因", "cause").exception();
        }
        String detail = Texts.optional(command.detail(), "detail", "原因说明", "detail", PlanRules.MAX_TEXT);
        if (command.cause() == DeviationCause.OTHER && detail == null) {
            throw PlanRefusals.detailRequired().exception();
        }
        if (command.cause() == deviation.cause() && Objects.equals(detail, deviation.detail())) {
            return;
        }
        apply(new DeviationCauseAssignedEvent(command.deviationId(), planId, command.cause(), detail));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordDeviationHandlingCommand command) {
        openDeviation(command.deviationId());
        String method = Texts.required(command.method(), "method", "处理方法", "handling method", PlanRules.MAX_TEXT);
        String result = Texts.required(command.result(), "result", "处理结果", "handling result", PlanRules.MAX_TEXT);
        apply(new DeviationHandledEvent(command.deviationId(), planId, method, result));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CloseDeviationCommand command) {
        DeviationState deviation = openDeviation(command.deviationId());
        String conclusion = Texts.required(command.conclusion(), "conclusion", "结论", "conclusion", PlanRules.MAX_TEXT);
        if (deviation.cause() == null) {
            throw PlanRefusals.causeMissing(command.deviationId()).exception();
        }
        if (deviation.method() == null) {
            throw PlanRefusals.handlingMissing(command.deviationId()).exception();
        }
        int k = command.deviationId().interval();
        apply(new DeviationClosedEvent(command.deviationId(), planId, unitId, tradingDay, k, deviation.kind(), deviation.deviationKw(),
                deviation.cause(), deviation.method(), deviation.result(), conclusion));
    }

    private DeviationState openDeviation(DeviationId id) {
        if (id == null) {
            throw Texts.missing("deviationId", "偏差", "deviation").exception();
        }
        requirePlan(id.planId());
        DeviationState deviation = deviations.get(id.interval());
        if (deviation == null) {
            throw PlanRefusals.unknownDeviation(id).exception();
        }
        if (deviation.status() == DeviationStatus.CLOSED) {
            throw PlanRefusals.deviationClosed(id).exception();
        }
        return deviation;
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(DispatchPlanProposedEvent event) {
        streamId = StreamIds.of(event.planId());
        planId = event.planId();
        version = event.version();
        unitId = event.unitId();
        tradingDay = event.tradingDay();
        sourceKind = event.sourceKind();
        sourceRef = event.sourceRef();
        targetKw = event.targetKw();
        plannedKw = event.plannedKw();
        tolerancePercent = event.tolerancePercent();
        scheduleDigest = event.scheduleDigest();
        operators = event.operators();
        status = DispatchPlanStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(DispatchPlanApprovedEvent event) {
        status = DispatchPlanStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(DispatchPlanRejectedEvent event) {
        status = DispatchPlanStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(DispatchInstructionIssuedEvent event) {
        instructions.put(event.operatorId().value(), new InstructionState(InstructionStatus.ISSUED, event.piles(), event.plannedKw(),
                event.responseDeadline(), 0, false));
    }

    @EventSourcingHandler
    void on(DispatchPlanIssuedEvent event) {
        status = DispatchPlanStatus.ISSUED;
    }

    @EventSourcingHandler
    void on(InstructionRespondedEvent event) {
        instructions.computeIfPresent(event.operatorId().value(), (o, i) -> i.withStatus(switch (event.response()) {
            case ACCEPTED -> InstructionStatus.ACCEPTED;
            case REJECTED -> InstructionStatus.REJECTED;
            case NOT_SUPPORTED -> InstructionStatus.NOT_SUPPORTED;
            case UNKNOWN_SESSION -> InstructionStatus.UNKNOWN_SESSION;
            default -> i.status();
        }));
    }

    @EventSourcingHandler
    void on(InstructionDeliveryFailedEvent event) {
        instructions.computeIfPresent(event.operatorId().value(), (o, i) -> i.failedAttempt(event.attempt(), event.finalFailure()));
    }

    @EventSourcingHandler
    void on(InstructionResultReportedEvent event) {
        instructions.computeIfPresent(event.operatorId().value(), (o, i) -> i.completed());
    }

    @EventSourcingHandler
    void on(InstructionTimedOutEvent event) {
        instructions.computeIfPresent(event.operatorId().value(), (o, i) -> i.withStatus(InstructionStatus.TIMED_OUT));
    }

    @EventSourcingHandler
    void on(IntervalExecutionRecordedEvent event) {
        actuals.put(event.interval(), event.actualKw());
        status = DispatchPlanStatus.EXECUTING;
    }

    @EventSourcingHandler
    void on(DeviationRecordedEvent event) {
        deviations.put(event.interval(), DeviationState.open(event.kind(), event.deviationKw()));
    }

    @EventSourcingHandler
    void on(DeviationCauseAssignedEvent event) {
        deviations.computeIfPresent(event.deviationId().interval(), (k, d) -> d.withCause(event.cause(), event.detail()));
    }

    @EventSourcingHandler
    void on(DeviationHandledEvent event) {
        deviations.computeIfPresent(event.deviationId().interval(), (k, d) -> d.handled(event.method(), event.result()));
    }

    @EventSourcingHandler
    void on(DeviationClosedEvent event) {
        deviations.computeIfPresent(event.deviationId().interval(), (k, d) -> d.closed());
    }

    @EventSourcingHandler
    void on(DispatchExecutionClosedEvent event) {
        status = DispatchPlanStatus.CLOSED;
    }
}
