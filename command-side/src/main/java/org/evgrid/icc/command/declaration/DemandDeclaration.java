package org.evgrid.icc.command.declaration;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.declaration.internal.DeclarationRules;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.declaration.AmendDemandCommand;
import org.evgrid.icc.coreapi.declaration.DeclarationId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.DeclarationStatus;
import org.evgrid.icc.coreapi.declaration.DeclareDemandCommand;
import org.evgrid.icc.coreapi.declaration.DemandAmendedEvent;
import org.evgrid.icc.coreapi.declaration.DemandDeclarationFrozenEvent;
import org.evgrid.icc.coreapi.declaration.DemandDeclaredEvent;
import org.evgrid.icc.coreapi.declaration.DemandWithdrawnEvent;
import org.evgrid.icc.coreapi.declaration.ProductRule;
import org.evgrid.icc.coreapi.declaration.WithdrawDemandCommand;

/**
 * One operator's demand declaration for a product, period and aggregation unit: declared, amended and
 * withdrawn (and declared again) until the product's gate closes, then frozen. The first declaration schedules the
 * gate-closure deadline ({@value #GATE_DEADLINE}); when it fires the declaration freezes
 * ({@link DemandDeclarationFrozenEvent}). Commands at or after the gate are refused by the clock even before the
 * deadline has fired ({@code ICC-DECL-GATE-CLOSED}, with the gate in Asia/Shanghai time).
 *
 * <p>The handlers take the {@link Clock}, the {@link DeadlineManager}, {@link DeclarationProducts} and
 * {@link DeclarationUnits} as parameters (Spring beans / Axon components).
 */
@Aggregate(commandTargetResolver = DeclarationTargetResolver.BEAN_NAME)
public class DemandDeclaration {

    /** Name of the gate-closure deadline. */
    public static final String GATE_DEADLINE = "declaration-gate-closure";

    @AggregateIdentifier
    private String streamId;
    private DeclarationId declarationId;
    private OperatorId operatorId;
    private String product;
    private DeclarationKind kind;
    private LocalDate periodStart;
    private AggregationUnitId unitId;
    private Instant gateClosure;
    private DeclarationStatus status;
    private BigDecimal energyKwh;
    private List<BigDecimal> curveKw;
    private int revision;
    private boolean frozen;

    /** For Axon. */
    public DemandDeclaration() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeclareDemandCommand command, Clock clock, DeadlineManager deadlines, DeclarationProducts products,
                       DeclarationUnits units) {
        DeclarationId id = command.declarationId();
        ProductRule rule = DeclarationRules.product(products.catalogue(), command.product());
        DeclarationRules.periodStart(rule, command.periodStart());
        Instant gate = gateClosure != null ? gateClosure : rule.gate().closesAt(command.periodStart());
        if (frozen) {
            throw DeclarationRules.gateClosed(rule.code(), command.periodStart(), gate).exception();
        }
        DeclarationRules.beforeGate(clock.instant(), gate, rule.code(), command.periodStart());
        DeclarationRules.values(rule.code(), rule.kind(), command.energyKwh(), command.curveKw());
        if (status == DeclarationStatus.DECLARED) {
            throw Refusal.conflict("ICC-DECL-EXISTS", "periodStart",
                    "运营商 " + command.operatorId() + " 已申报交易品种 " + rule.code() + " 周期 " + command.periodStart() + " 聚合单元 "
                            + command.unitId() + "，请修改该申报",
                    "Operator " + command.operatorId() + " has already declared product " + rule.code() + " for period "
                            + command.periodStart() + " and unit " + command.unitId(),
                    "Amend the declaration (AmendDemand), or withdraw it first").exception();
        }
        if (!units.exists(command.unitId())) {
            throw Refusal.notFound("ICC-UNIT-UNKNOWN", "unitId",
                    "聚合单元 " + command.unitId() + " 不存在", "Aggregation unit " + command.unitId() + " does not exist",
                    "Check the unit id; declare for a unit your piles belong to").exception();
        }
        boolean first = revision == 0;
        apply(new DemandDeclaredEvent(id, command.operatorId(), rule.code(), rule.kind(), command.periodStart(),
                rule.periodEnd(command.periodStart()), command.unitId(), DeclarationRules.scaled(command.energyKwh()),
                DeclarationRules.scaled(command.curveKw()), gate, revision + 1));
        if (first) {
            deadlines.schedule(gate, GATE_DEADLINE);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AmendDemandCommand command, Clock clock) {
        requireLive(command.declarationId(), clock);
        DeclarationRules.values(product, kind, command.energyKwh(), command.curveKw());
        apply(new DemandAmendedEvent(declarationId, operatorId, product, kind, periodStart, unitId,
                DeclarationRules.scaled(command.energyKwh()), DeclarationRules.scaled(command.curveKw()), revision + 1));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(WithdrawDemandCommand command, Clock clock) {
        requireLive(command.declarationId(), clock);
        apply(new DemandWithdrawnEvent(declarationId, operatorId, product, periodStart, unitId, revision + 1));
    }

    /** Freezes the declaration at the gate (at least once; a repeated firing changes nothing). */
    @DeadlineHandler(deadlineName = GATE_DEADLINE)
    public void onGateClosure() {
        if (frozen || declarationId == null) {
            return;
        }
        apply(new DemandDeclarationFrozenEvent(declarationId, operatorId, product, kind, periodStart, unitId, gateClosure, status,
                energyKwh, curveKw, revision));
    }

    private void requireLive(DeclarationId id, Clock clock) {
        if (declarationId == null) {
            throw Refusal.notFound("ICC-DECL-UNKNOWN", "periodStart",
                    "申报 " + id + " 不存在", "Declaration " + id + " does not exist",
                    "Check operator, product, period start and unit, or declare first (DeclareDemand)").exception();
        }
        if (frozen) {
            throw DeclarationRules.gateClosed(product, periodStart, gateClosure).exception();
        }
        DeclarationRules.beforeGate(clock.instant(), gateClosure, product, periodStart);
        if (status == DeclarationStatus.WITHDRAWN) {
            throw Refusal.conflict("ICC-DECL-WITHDRAWN", "periodStart",
                    "申报 " + id + " 已撤回，不能修改或再次撤回", "Declaration " + id + " was withdrawn and cannot be amended or withdrawn",
                    "Declare it again (DeclareDemand) while the gate is open").exception();
        }
    }

    @EventSourcingHandler
    void on(DemandDeclaredEvent event) {
        streamId = DeclarationTargetResolver.streamId(event.declarationId());
        declarationId = event.declarationId();
        operatorId = event.operatorId();
        product = event.product();
        kind = event.kind();
        periodStart = event.periodStart();
        unitId = event.unitId();
        gateClosure = event.gateClosure();
        status = DeclarationStatus.DECLARED;
        energyKwh = event.energyKwh();
        curveKw = event.curveKw();
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(DemandAmendedEvent event) {
        energyKwh = event.energyKwh();
        curveKw = event.curveKw();
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(DemandWithdrawnEvent event) {
        status = DeclarationStatus.WITHDRAWN;
        energyKwh = null;
        curveKw = null;
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(DemandDeclarationFrozenEvent event) {
        frozen = true;
    }
}
