package org.evgrid.icc.saga.lifecycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Saga;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
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
import org.evgrid.icc.coreapi.dispatch.InstructionResultReportedEvent;
import org.evgrid.icc.coreapi.dispatch.IntervalActualsView;
import org.evgrid.icc.coreapi.dispatch.IssueDispatchInstructionsCommand;
import org.evgrid.icc.coreapi.dispatch.ProposeDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.RecordInstructionTimeoutCommand;
import org.evgrid.icc.coreapi.dispatch.RecordIntervalExecutionCommand;
import org.evgrid.icc.coreapi.dr.BaselineRule;
import org.evgrid.icc.coreapi.dr.DrBaselineView;
import org.evgrid.icc.coreapi.dr.DrEventCancelledEvent;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrEventOptedInEvent;
import org.evgrid.icc.coreapi.dr.DrEventOptedOutEvent;
import org.evgrid.icc.coreapi.dr.DrInterval;
import org.evgrid.icc.coreapi.dr.DrProgramType;
import org.evgrid.icc.coreapi.dr.FindDrBaselineQuery;
import org.evgrid.icc.coreapi.dr.ReportDrPerformanceCommand;
import org.evgrid.icc.coreapi.market.BidClearedEvent;
import org.evgrid.icc.coreapi.security.CenterCommands;
import org.evgrid.icc.saga.lifecycle.internal.DrPerformance;
import org.evgrid.icc.saga.lifecycle.internal.LifecycleArithmetic;
import org.evgrid.icc.saga.lifecycle.internal.PlanIdResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading lifecycle of one dispatch plan (DESIGN §7): a cleared curve bid or a unit's opt-in to a demand response
 * event → plan proposed → (dispatcher approves) → instructions issued → each instruction answered or timed out → each
 * quarter hour's execution recorded at its end plus a grace → day closed → for demand response, the performance report.
 * Every step is a command signed with the center's key ({@link CenterCommands}).
 *
 * <p>Associated by {@value #PLAN_ID} (the dispatch plan id) and, for demand response, {@value #DR_EVENT_ID}. Deadlines:
 * {@value #INSTRUCTION_DEADLINE} per instruction, {@value #INTERVAL_DEADLINE} at the next quarter hour to assess (all
 * due quarter hours are assessed at once, so a restart or a past day catches up), {@value #RETRY_DEADLINE} after a
 * failed step. A deadline that fires before its due time is put back. A failed command or query never escapes a
 * handler (that would stall the processor): it is logged and the step retried; a refusal as a conflict (already done,
 * or the plan has moved on) is accepted as done.
 *
 * <p>Collaborators are handler parameters ({@link CenterCommands}, {@link QueryGateway}, {@link DeadlineManager},
 * {@link Clock}, {@link LifecycleSettings}), kept in transient fields for the handler's duration.
 */
@Saga
@ProcessingGroup(TradingLifecycleSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class TradingLifecycleSaga {

    /** The saga's processing group. */
    public static final String PROCESSING_GROUP = "lifecycle-saga";
    /** Association: the dispatch plan id's value. */
    public static final String PLAN_ID = "planId";
    /** Association: the demand response event id's value (demand response plans only). */
    public static final String DR_EVENT_ID = "drEventId";
    /** Deadline: an instruction's response deadline. */
    public static final String INSTRUCTION_DEADLINE = "instruction-response";
    /** Deadline: the end of the next quarter hour to assess, plus the grace. */
    public static final String INTERVAL_DEADLINE = "interval-end";
    /** Deadline: try a failed step again. */
    public static final String RETRY_DEADLINE = "retry";

    static final String EVENT_ID_PROPERTY = "eventId";

    private static final Logger LOG = LoggerFactory.getLogger(TradingLifecycleSaga.class);
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    /** The steps the saga retries after a failure. */
    public enum Step {
        /** Propose the plan (demand response: with the baseline asked first). */
        PROPOSE,
        /** Issue the approved plan's instructions. */
        ISSUE,
        /** Record an instruction's timeout. */
        INSTRUCTION_TIMEOUT,
        /** Assess the due quarter hours. */
        INTERVALS,
        /** Close the day's execution. */
        CLOSE,
        /** Report demand response performance. */
        DR_REPORT
    }

    private enum Outcome { DONE, ALREADY_DONE, FAILED }

    private String planId;
    private DispatchSourceKind sourceKind;
    private String sourceRef;
    private String unitId;
    private LocalDate tradingDay;
    private List<BigDecimal> targetKw;
    private DrProgramType programType;
    private BaselineRule baselineRule;
    private BigDecimal committedKw;
    private List<DrInterval> drIntervals;
    private int issuedVersion;
    private int nextInterval;
    private String intervalDeadlineId;
    private List<BigDecimal> closedActualKw;
    private Map<String, String> instructionDeadlines = new HashMap<>();
    private Map<String, String> retryDeadlines = new HashMap<>();
    private Map<String, Integer> attempts = new HashMap<>();

    private transient CenterCommands commands;
    private transient QueryGateway queries;
    private transient DeadlineManager deadlines;
    private transient Clock clock;
    private transient LifecycleSettings settings;

    // ---------------------------------------------------------------- start

    /** A cleared curve bid leads to a plan; an energy bid has no curve to dispatch and ends the saga at once. */
    @StartSaga
    @SagaEventHandler(associationProperty = PLAN_ID, associationResolver = PlanIdResolver.class)
    public void on(BidClearedEvent event, CenterCommands commands, QueryGateway queries, DeadlineManager deadlines, Clock clock,
                   LifecycleSettings settings) {
        bind(commands, queries, deadlines, clock, settings);
        if (planId != null) {
            LOG.info("Bid {} cleared again; plan {} is already under way", event.bidId(), planId);
            return;
        }
        if (event.kind() != DeclarationKind.CURVE) {
            LOG.info("Bid {} cleared as energy for the period; no dispatch plan follows", event.bidId());
            SagaLifecycle.end();
            return;
        }
        planId = DispatchPlanId.forBid(event.bidId()).value();
        sourceKind = DispatchSourceKind.MARKET_CLEARING;
        sourceRef = event.bidId().value();
        unitId = event.unitId().value();
        tradingDay = event.periodStart();
        targetKw = new ArrayList<>(LifecycleArithmetic.marketTarget(event.clearedCurveKw(), event.direction()));
        propose();
    }

    /** A unit opted into a demand response event: its plan follows the baseline and the committed capacity. */
    @StartSaga
    @SagaEventHandler(associationProperty = PLAN_ID, associationResolver = PlanIdResolver.class)
    public void on(DrEventOptedInEvent event, CenterCommands commands, QueryGateway queries, DeadlineManager deadlines, Clock clock,
                   LifecycleSettings settings) {
        bind(commands, queries, deadlines, clock, settings);
        if (planId != null) {
            LOG.info("Unit {} opted into demand response event {} again; plan {} is already under way", event.unitId(),
                    event.eventId(), planId);
            return;
        }
        planId = DispatchPlanId.forDrEvent(event.eventId(), event.unitId()).value();
        sourceKind = DispatchSourceKind.DEMAND_RESPONSE;
        sourceRef = event.eventId().value();
        unitId = event.unitId().value();
        tradingDay = event.tradingDay();
        programType = event.programType();
        baselineRule = event.baselineRule();
        committedKw = event.committedKw();
        drIntervals = event.intervals() == null ? new ArrayList<>() : new ArrayList<>(event.intervals());
        SagaLifecycle.associateWith(DR_EVENT_ID, sourceRef);
        propose();
    }

    // ---------------------------------------------------------------- plan and instructions

    /** The dispatcher approved the plan: issue its instructions. */
    @SagaEventHandler(associationProperty = PLAN_ID)
    public void on(DispatchPlanApprovedEvent event, CenterCommands commands, QueryGateway queries, DeadlineManager deadlines,
                   Clock clock, LifecycleSettings settings) {
        bind(commands, queries, deadlines, clock, settings);
        issue();
    }

    /** An instruction went out: watch its response deadline. */
    @SagaEventHandler(associationProperty = PLAN_ID)
    public void on(DispatchInstructionIssuedEvent event, CenterCommands commands, QueryGateway queries, DeadlineManager deadlines,
                   Clock clock, LifecycleSettings settings) {
        bind(commands, queries, deadlines, clock, settings);
        String id = event.instructionId().value();
        cancelInstructionDeadline(id);
        instructionDeadlines.put(id, deadlines.schedule(event.responseDeadline(), INSTRUCTION_DEADLINE,
                new LifecycleDeadline(id, event.responseDeadline())));
    }

    /** The operator platform reported its result in time: the response deadline is no longer needed. */
    @SagaEventHandler(associationProperty = PLAN_ID)
    public void on(InstructionResultReportedEvent event, CenterCommands commands, QueryGateway queries, DeadlineManager deadlines,
                   Clock clock, LifecycleSettings settings) {
        bind(commands, queries, deadlines, clock, settings);
        String id = event.instructionId().value();
        cancelInstructionDeadline(id);
        cancelRetry(key(Step.INSTRUCTION_TIMEOUT, id));
    }

    /** An instruction's response deadline passed without a result: record the timeout. */
    @DeadlineHandler(deadlineName = INSTRUCTION_DEADLINE)
    public void onInstructionDeadline(LifecycleDeadline due, CenterCommands commands, QueryGateway queries, DeadlineManager deadlines,
                                      Clock clock, LifecycleSettings settings) {
        bind(commands, queries, deadlines, clock, settings);
        if (!instructionDeadlines.containsKey(due.ref())) {
            return;
        }
        if (clock.instant().isBefore(due.dueAt())) {
            instructionDeadlines.put(due.ref(), deadlines.schedule(due.dueAt(), INSTRUCTION_DEADLINE, due));
            return;
        }
        instructionDeadlines.remove(due.ref());
        recordTimeout(due.ref());
    }

    // ---------------------------------------------------------------- execution

    /** All instructions are out: watch the day quarter hour by quarter hour. */
    @SagaEventHandler(associationProperty = PLAN_ID)
    public void on(DispatchPlanIssuedEvent event, CenterCommands commands, QueryGateway queries, DeadlineManager deadlines,
                   Clock clock, LifecycleSettings settings) {
        bind(commands, queries, deadlines, clock, settings);
        if (issuedVersion != 0) {
            LOG.info("Plan {} reported issued again (version {}); execution is already watched", planId, event.version());
            return;
        }
        issuedVersion = event.version();
        nextInterval = 0;
        scheduleIntervalDeadline(nextInterval);
    }

    /** A quarter hour (and its grace) ended: assess it and any other quarter hour already due. */
    @DeadlineHandler(deadlineName = INTERVAL_DEADLINE)
    public void onIntervalDeadline(LifecycleDeadline due, CenterCommands commands, QueryGateway queries, DeadlineManager deadlines,
                                   Clock clock, LifecycleSettings settings) {
        bind(commands, queries, deadlines, clock, settings);
        intervalDeadlineId = null;
        if (clock.instant().isBefore(due.dueAt())) {
            intervalDeadlineId = deadlines.schedule(due.dueAt(), INTERVAL_DEADLINE, due);
            return;
        }
        assessDueIntervals();
    }

    /** The day is closed: report demand response performance, then the lifecycle ends. */
    @SagaEventHandler(associationProperty = PLAN_ID)
    public void on(DispatchExecutionClosedEvent event, CenterCommands commands, QueryGateway queries, DeadlineManager deadlines,
                   Clock clock, LifecycleSettings settings) {
        bind(commands, queries, deadlines, clock, settings);
        if (sourceKind != DispatchSourceKind.DEMAND_RESPONSE) {
            finish();
            return;
        }
        closedActualKw = event.actualKw() == null ? new ArrayList<>() : new ArrayList<>(event.actualKw());
        reportPerformance();
    }

    // ---------------------------------------------------------------- demand response ends early

    /**
     * The demand response event was cancelled: the lifecycle ends. Plans have no cancel command yet, so a plan already
     * proposed stays as it is for the dispatcher to see.
     */
    @SagaEventHandler(associationProperty = EVENT_ID_PROPERTY, keyName = DR_EVENT_ID)
    public void on(DrEventCancelledEvent event, CenterCommands commands, QueryGateway queries, DeadlineManager deadlines, Clock clock,
                   LifecycleSettings settings) {
        bind(commands, queries, deadlines, clock, settings);
        LOG.info("Demand response event {} was cancelled ({}); plan {} is no longer followed", event.eventId(), event.reason(), planId);
        finish();
    }

    /** This unit's opt-in was withdrawn: the lifecycle ends (other units of the event go on). */
    @SagaEventHandler(associationProperty = EVENT_ID_PROPERTY, keyName = DR_EVENT_ID)
    public void on(DrEventOptedOutEvent event, CenterCommands commands, QueryGateway queries, DeadlineManager deadlines, Clock clock,
                   LifecycleSettings settings) {
        bind(commands, queries, deadlines, clock, settings);
        if (!event.unitId().value().equals(unitId)) {
            return;
        }
        LOG.info("Unit {} opted out of demand response event {}; plan {} is no longer followed", unitId, event.eventId(), planId);
        finish();
    }

    // ---------------------------------------------------------------- retries

    /** A failed step's retry is due. */
    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    public void onRetry(LifecycleRetry retry, CenterCommands commands, QueryGateway queries, DeadlineManager deadlines, Clock clock,
                        LifecycleSettings settings) {
        bind(commands, queries, deadlines, clock, settings);
        Step step = Step.valueOf(retry.step());
        String key = key(step, retry.ref());
        retryDeadlines.remove(key);
        if (clock.instant().isBefore(retry.dueAt())) {
            retryDeadlines.put(key, deadlines.schedule(retry.dueAt(), RETRY_DEADLINE, retry));
            return;
        }
        switch (step) {
            case PROPOSE -> propose();
            case ISSUE -> issue();
            case INSTRUCTION_TIMEOUT -> recordTimeout(retry.ref());
            case INTERVALS -> assessDueIntervals();
            case CLOSE -> close();
            case DR_REPORT -> reportPerformance();
            default -> LOG.warn("Plan {}: unknown retry step {}", planId, step);
        }
    }

    // ---------------------------------------------------------------- steps

    private void propose() {
        List<BigDecimal> target = targetKw;
        if (sourceKind == DispatchSourceKind.DEMAND_RESPONSE) {
            DrBaselineView baseline = ask(baselineQuery(), DrBaselineView.class);
            if (baseline == null) {
                retryLater(Step.PROPOSE, null);
                return;
            }
            target = new ArrayList<>(LifecycleArithmetic.drTarget(programType, committedKw, drIntervals, baseline.baselineKw()));
            targetKw = target;
        }
        ProposeDispatchPlanCommand command = new ProposeDispatchPlanCommand(plan(), unit(), tradingDay, sourceKind, sourceRef, target,
                settings.tolerancePercent());
        completeOrRetry(Step.PROPOSE, null, send(command));
    }

    private void issue() {
        completeOrRetry(Step.ISSUE, null, send(new IssueDispatchInstructionsCommand(plan())));
    }

    private void recordTimeout(String instructionId) {
        completeOrRetry(Step.INSTRUCTION_TIMEOUT, instructionId, send(new RecordInstructionTimeoutCommand(new InstructionId(instructionId))));
    }

    private void assessDueIntervals() {
        if (issuedVersion == 0) {
            return;
        }
        Instant now = clock.instant();
        while (nextInterval < LifecycleArithmetic.INTERVALS && !intervalDue(nextInterval).isAfter(now)) {
            IntervalActualsView actuals = ask(new FindIntervalActualsQuery(plan(), issuedVersion, unit(), tradingDay, nextInterval),
                    IntervalActualsView.class);
            if (actuals == null) {
                retryLater(Step.INTERVALS, null);
                return;
            }
            Outcome outcome = send(new RecordIntervalExecutionCommand(plan(), nextInterval, actuals.actualKw(), actuals.reportingPiles(),
                    actuals.expectedPiles(), actuals.telemetryComplete(), actuals.byOperator(), actuals.topPiles()));
            if (outcome == Outcome.FAILED) {
                retryLater(Step.INTERVALS, null);
                return;
            }
            nextInterval++;
        }
        attempts.remove(key(Step.INTERVALS, null));
        if (nextInterval >= LifecycleArithmetic.INTERVALS) {
            close();
        } else {
            scheduleIntervalDeadline(nextInterval);
        }
    }

    private void close() {
        completeOrRetry(Step.CLOSE, null, send(new CloseDispatchExecutionCommand(plan())));
    }

    private void reportPerformance() {
        DrBaselineView baseline = ask(baselineQuery(), DrBaselineView.class);
        if (baseline == null) {
            retryLater(Step.DR_REPORT, null);
            return;
        }
        DrPerformance p = LifecycleArithmetic.drPerformance(programType, committedKw, drIntervals, baseline.baselineKw(), closedActualKw);
        Outcome outcome = send(new ReportDrPerformanceCommand(new DrEventId(sourceRef), unit(), p.baselineKw(), p.actualKw(),
                p.performanceKw(), p.deliveredKwh(), p.committedKwh(), baseline.baselineDays()));
        completeOrRetry(Step.DR_REPORT, null, outcome);
        if (outcome != Outcome.FAILED) {
            finish();
        }
    }

    // ---------------------------------------------------------------- helpers

    private void bind(CenterCommands commands, QueryGateway queries, DeadlineManager deadlines, Clock clock, LifecycleSettings settings) {
        this.commands = commands;
        this.queries = queries;
        this.deadlines = deadlines;
        this.clock = clock;
        this.settings = settings;
    }

    private FindDrBaselineQuery baselineQuery() {
        return new FindDrBaselineQuery(unit(), tradingDay, baselineRule, LifecycleArithmetic.firstEventInterval(drIntervals));
    }

    private Outcome send(Object command) {
        String what = command.getClass().getSimpleName();
        try {
            commands.send(command);
            return Outcome.DONE;
        } catch (IccException e) {
            if (e.category() == ErrorCategory.CONFLICT) {
                LOG.info("Plan {}: {} refused as already done or superseded ({}: {})", planId, what, e.code(), e.messageEn());
                return Outcome.ALREADY_DONE;
            }
            LOG.warn("Plan {}: {} refused ({}: {}); will retry", planId, what, e.code(), e.messageEn());
            return Outcome.FAILED;
        } catch (RuntimeException e) {
            LOG.warn("Plan {}: {} failed; will retry", planId, what, e);
            return Outcome.FAILED;
        }
    }

    private <R> R ask(Object query, Class<R> answerType) {
        String what = query.getClass().getSimpleName();
        try {
            R answer = queries.query(query, ResponseTypes.instanceOf(answerType))
                    .get(settings.queryTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                LOG.warn("Plan {}: {} had no answer; will retry", planId, what);
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Plan {}: interrupted while waiting for {}; will retry", planId, what);
            return null;
        } catch (ExecutionException e) {
            LOG.warn("Plan {}: {} failed; will retry", planId, what, e.getCause());
            return null;
        } catch (TimeoutException | RuntimeException e) {
            LOG.warn("Plan {}: {} failed; will retry", planId, what, e);
            return null;
        }
    }

    private void completeOrRetry(Step step, String ref, Outcome outcome) {
        if (outcome == Outcome.FAILED) {
            retryLater(step, ref);
        } else {
            attempts.remove(key(step, ref));
        }
    }

    private void retryLater(Step step, String ref) {
        String key = key(step, ref);
        int attempt = attempts.merge(key, 1, Integer::sum);
        cancelRetry(key);
        Duration delay = settings.retryDelay();
        if (attempt > settings.maxRetries()) {
            if (step != Step.INTERVALS) {
                LOG.error("Plan {}: gave up step {} after {} retries; a dispatcher must look at it", planId, key, settings.maxRetries());
                attempts.remove(key);
                return;
            }
            // Giving up on the quarter hours would leave the day unwatched: keep trying, once a quarter hour.
            LOG.error("Plan {}: quarter hour {} still cannot be assessed after {} retries; trying again every quarter hour", planId,
                    nextInterval, attempt - 1);
            delay = QUARTER_HOUR;
        }
        Instant due = clock.instant().plus(delay);
        retryDeadlines.put(key, deadlines.schedule(due, RETRY_DEADLINE, new LifecycleRetry(step.name(), ref, due)));
    }

    private void scheduleIntervalDeadline(int interval) {
        if (intervalDeadlineId != null) {
            deadlines.cancelSchedule(INTERVAL_DEADLINE, intervalDeadlineId);
        }
        Instant due = intervalDue(interval);
        intervalDeadlineId = deadlines.schedule(due, INTERVAL_DEADLINE, new LifecycleDeadline(Integer.toString(interval), due));
    }

    private Instant intervalDue(int interval) {
        return LifecycleArithmetic.intervalEnd(tradingDay, interval).plus(settings.intervalGrace());
    }

    private void cancelInstructionDeadline(String instructionId) {
        String scheduleId = instructionDeadlines.remove(instructionId);
        if (scheduleId != null) {
            deadlines.cancelSchedule(INSTRUCTION_DEADLINE, scheduleId);
        }
    }

    private void cancelRetry(String key) {
        String scheduleId = retryDeadlines.remove(key);
        if (scheduleId != null) {
            deadlines.cancelSchedule(RETRY_DEADLINE, scheduleId);
        }
    }

    private void finish() {
        for (String id : List.copyOf(instructionDeadlines.keySet())) {
            cancelInstructionDeadline(id);
        }
        for (String key : List.copyOf(retryDeadlines.keySet())) {
            cancelRetry(key);
        }
        if (intervalDeadlineId != null) {
            deadlines.cancelSchedule(INTERVAL_DEADLINE, intervalDeadlineId);
            intervalDeadlineId = null;
        }
        SagaLifecycle.end();
    }

    private static String key(Step step, String ref) {
        return ref == null ? step.name() : step.name() + ":" + ref;
    }

    private DispatchPlanId plan() {
        return new DispatchPlanId(planId);
    }

    private AggregationUnitId unit() {
        return new AggregationUnitId(unitId);
    }
}
