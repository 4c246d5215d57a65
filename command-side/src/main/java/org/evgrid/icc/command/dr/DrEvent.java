package org.evgrid.icc.command.dr;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.command.declaration.DeclarationUnits;
import org.evgrid.icc.command.dr.internal.DrRules;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.dr.CancelDrEventCommand;
import org.evgrid.icc.coreapi.dr.DrEventCancelledEvent;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrEventOptedInEvent;
import org.evgrid.icc.coreapi.dr.DrEventOptedOutEvent;
import org.evgrid.icc.coreapi.dr.DrEventPublishedEvent;
import org.evgrid.icc.coreapi.dr.DrInterval;
import org.evgrid.icc.coreapi.dr.DrPerformanceReportedEvent;
import org.evgrid.icc.coreapi.dr.OptInDrEventCommand;
import org.evgrid.icc.coreapi.dr.OptOutDrEventCommand;
import org.evgrid.icc.coreapi.dr.PublishDrEventCommand;
import org.evgrid.icc.coreapi.dr.ReportDrPerformanceCommand;

/**
 * A demand response event of the dispatch center, stream {@code dr-event:<id>}: published once (the same event sent
 * again changes nothing, a different one is refused), cancelled, and answered by the aggregator opting units in or out
 * before the response deadline (by the {@link Clock}); the center reports each opted-in unit's performance once.
 * Opt-in takes the {@link Clock} and {@link DeclarationUnits} (unit exists) as parameters.
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class DrEvent {

    private static final int MAX_REASON = 500;

    @AggregateIdentifier
    private String streamId;
    private DrEventPublishedEvent published;
    private boolean cancelled;
    private final Set<AggregationUnitId> optedIn = new HashSet<>();
    private final Set<AggregationUnitId> reported = new HashSet<>();

    /** For Axon. */
    public DrEvent() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PublishDrEventCommand command) {
        if (command.programId() == null) {
            throw Texts.missing("programId", "需求响应项目", "program id").exception();
        }
        if (command.programType() == null) {
            throw Texts.missing("programType", "项目类型", "program type").exception();
        }
        if (command.baselineRule() == null) {
            throw Texts.missing("baselineRule", "基线规则", "baseline rule").exception();
        }
        if (command.tradingDay() == null) {
            throw Texts.missing("tradingDay", "交易日", "trading day").exception();
        }
        List<DrInterval> intervals = DrRules.intervals(command.intervals());
        if (command.responseDeadline() == null) {
            throw Texts.missing("responseDeadline", "响应截止时间", "response deadline").exception();
        }
        Instant firstStart = DrRules.intervalStart(command.tradingDay(), intervals.get(0).startInterval());
        if (!command.responseDeadline().isBefore(firstStart)) {
            throw Refusal.invalid("ICC-DR-DEADLINE-INVALID", "responseDeadline",
                    "响应截止时间 " + GateClosureRule.shown(command.responseDeadline()) + " 应早于事件开始时间 " + GateClosureRule.shown(firstStart)
                            + "（北京时间）",
                    "The response deadline " + GateClosureRule.shown(command.responseDeadline()) + " must be before the event starts at "
                            + GateClosureRule.shown(firstStart) + " (Asia/Shanghai time)",
                    "Set the response deadline before the first interval").exception();
        }
        DrEventPublishedEvent event = new DrEventPublishedEvent(command.eventId(), command.programId(), command.programType(),
                command.baselineRule(), command.tradingDay(), intervals, command.responseDeadline(), command.realTime());
        if (published != null) {
            if (published.equals(event)) {
                return;
            }
            throw Refusal.conflict("ICC-DR-EVENT-CONFLICT", "eventId",
                    "需求响应事件 " + command.eventId() + " 已以不同内容发布过",
                    "Demand response event " + command.eventId() + " was already published with different content",
                    "Publish a changed event under a new event id (cancel this one if it no longer holds)").exception();
        }
        apply(event);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CancelDrEventCommand command) {
        requirePublished(command.eventId());
        requireNotCancelled();
        String reason = Texts.optional(command.reason(), "reason", "取消原因", "reason", MAX_REASON);
        apply(new DrEventCancelledEvent(published.eventId(), reason));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OptInDrEventCommand command, Clock clock, DeclarationUnits units) {
        requireOpen(command.eventId(), clock);
        if (command.unitId() == null) {
            throw Texts.missing("unitId", "聚合单元", "aggregation unit").exception();
        }
        BigDecimal committed = command.committedKw();
        if (committed == null) {
            throw Texts.missing("committedKw", "响应容量（千瓦）", "committed capacity (kW)").exception();
        }
        DrRules.amount(committed, "committedKw", "响应容量", "The committed capacity", DrRules.QUANTITY_SCALE);
        if (committed.signum() == 0) {
            throw Refusal.invalid("ICC-DR-ZERO", "committedKw", "响应容量必须大于零", "The committed capacity must be greater than zero",
                    "Give a positive capacity in kW, or do not opt in").exception();
        }
        if (optedIn.contains(command.unitId())) {
            throw Refusal.conflict("ICC-DR-ALREADY-OPTED-IN", "unitId",
                    "聚合单元 " + command.unitId() + " 已参与需求响应事件 " + published.eventId(),
                    "Aggregation unit " + command.unitId() + " is already opted into demand response event " + published.eventId(),
                    "Opt the unit out first to change its commitment").exception();
        }
        if (!units.exists(command.unitId())) {
            throw Refusal.notFound("ICC-UNIT-UNKNOWN", "unitId",
                    "聚合单元 " + command.unitId() + " 不存在", "Aggregation unit " + command.unitId() + " does not exist",
                    "Check the unit id; opt in an existing aggregation unit").exception();
        }
        apply(new DrEventOptedInEvent(published.eventId(), command.unitId(), DrRules.scaled(committed, DrRules.QUANTITY_SCALE),
                published.programType(), published.baselineRule(), published.tradingDay(), published.intervals(), published.realTime()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OptOutDrEventCommand command, Clock clock) {
        requireOpen(command.eventId(), clock);
        requireOptedIn(command.unitId());
        String reason = Texts.optional(command.reason(), "reason", "退出原因", "reason", MAX_REASON);
        apply(new DrEventOptedOutEvent(published.eventId(), command.unitId(), reason));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReportDrPerformanceCommand command) {
        requirePublished(command.eventId());
        requireOptedIn(command.unitId());
        if (reported.contains(command.unitId())) {
            throw Refusal.conflict("ICC-DR-ALREADY-REPORTED", "unitId",
                    "聚合单元 " + command.unitId() + " 在需求响应事件 " + published.eventId() + " 中的执行情况已上报",
                    "The performance of aggregation unit " + command.unitId() + " in demand response event " + published.eventId()
                            + " was already reported",
                    "Report each unit's performance once").exception();
        }
        List<BigDecimal> baseline = DrRules.points(command.baselineKw(), "baselineKw", "基线负荷");
        List<BigDecimal> actual = DrRules.points(command.actualKw(), "actualKw", "实际负荷");
        List<BigDecimal> performance = DrRules.points(command.performanceKw(), "performanceKw", "响应量");
        if (command.deliveredKwh() == null) {
            throw Texts.missing("deliveredKwh", "实际响应电量（千瓦时）", "delivered energy (kWh)").exception();
        }
        DrRules.precision(command.deliveredKwh(), "deliveredKwh", "实际响应电量", "The delivered energy", DrRules.QUANTITY_SCALE);
        if (command.committedKwh() == null) {
            throw Texts.missing("committedKwh", "承诺响应电量（千瓦时）", "committed energy (kWh)").exception();
        }
        DrRules.amount(command.committedKwh(), "committedKwh", "承诺响应电量", "The committed energy", DrRules.QUANTITY_SCALE);
        apply(new DrPerformanceReportedEvent(published.eventId(), command.unitId(), baseline, actual, performance,
                DrRules.scaled(command.deliveredKwh(), DrRules.QUANTITY_SCALE), DrRules.scaled(command.committedKwh(), DrRules.QUANTITY_SCALE),
                command.baselineDays() == null ? List.of() : List.copyOf(command.baselineDays())));
    }

    private void requirePublished(DrEventId id) {
        if (published == null) {
            throw DrRules.unknownEvent(id).exception();
        }
    }

    private void requireNotCancelled() {
        if (cancelled) {
            throw Refusal.conflict("ICC-DR-EVENT-CANCELLED", "eventId",
                    "需求响应事件 " + published.eventId() + " 已取消", "Demand response event " + published.eventId() + " was cancelled",
                    "Nothing to do for a cancelled event").exception();
        }
    }

    private void requireOpen(DrEventId id, Clock clock) {
        requirePublished(id);
        requireNotCancelled();
        if (!clock.instant().isBefore(published.responseDeadline())) {
            String shown = GateClosureRule.shown(published.responseDeadline());
            throw Refusal.unprocessable("ICC-DR-DEADLINE-PASSED", "eventId",
                    "需求响应事件 " + published.eventId() + " 的响应已于 " + shown + "（北京时间）截止",
                    "Responses to demand response event " + published.eventId() + " closed at " + shown + " (Asia/Shanghai time)",
                    "Respond to an event whose response deadline has not passed").exception();
        }
    }

    private void requireOptedIn(AggregationUnitId unitId) {
        if (unitId == null) {
            throw Texts.missing("unitId", "聚合单元", "aggregation unit").exception();
        }
        if (!optedIn.contains(unitId)) {
            throw Refusal.conflict("ICC-DR-NOT-OPTED-IN", "unitId",
                    "聚合单元 " + unitId + " 未参与需求响应事件 " + published.eventId(),
                    "Aggregation unit " + unitId + " is not opted into demand response event " + published.eventId(),
                    "Check the unit id; only opted-in units can opt out or be reported").exception();
        }
    }

    @EventSourcingHandler
    void on(DrEventPublishedEvent event) {
        streamId = StreamIds.of(event.eventId());
        published = event;
    }

    @EventSourcingHandler
    void on(DrEventCancelledEvent event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(DrEventOptedInEvent event) {
        optedIn.add(event.unitId());
    }

    @EventSourcingHandler
    void on(DrEventOptedOutEvent event) {
        optedIn.remove(event.unitId());
    }

    @EventSourcingHandler
    void on(DrPerformanceReportedEvent event) {
        reported.add(event.unitId());
    }
}
