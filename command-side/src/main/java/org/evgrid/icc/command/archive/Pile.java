package org.evgrid.icc.command.archive;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.archive.internal.ArchiveRefusals;
import org.evgrid.icc.command.archive.internal.ArchiveRules;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.DecommissionPileCommand;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileAssignedToUnitEvent;
import org.evgrid.icc.coreapi.archive.PileDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileRemovedFromUnitEvent;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.PileUpdatedEvent;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.UpdatePileCommand;

/**
 * One charging pile: its technical data ({@link PileRules}), its station's operator, dispatch area and region (copied
 * in at registration), and the aggregation unit it belongs to, if any. Registered by {@link PileCommandHandler};
 * joins and leaves units through {@link UnitMembershipHandler}.
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class Pile {

    @AggregateIdentifier
    private String streamId;
    private PileId pileId;
    private OperatorId operatorId;
    private StationId stationId;
    private DispatchAreaId dispatchAreaId;
    private PileType type;
    private AggregationUnitId unitId;
    private boolean decommissioned;

    /** For Axon. */
    public Pile() {
    }

    /** A new pile from a registration that {@link PileCommandHandler} has checked. */
    Pile(PileRegisteredEvent registration) {
        apply(registration);
    }

    /** Changes the technical data; the type stays. */
    @CommandHandler
    public void handle(UpdatePileCommand command) {
        requireOwner(command.operatorId());
        if (decommissioned) {
            throw ArchiveRefusals.pileDecommissioned(pileId).exception();
        }
        List<Refusal> refusals = PileRules.checkTechnical(type, command.ratedPowerKw(), command.minPowerKw(),
                command.maxDischargeKw(), command.connectorCount());
        if (!refusals.isEmpty()) {
            throw refusals.get(0).exception();
        }
        apply(new PileUpdatedEvent(pileId, operatorId, command.ratedPowerKw(), command.minPowerKw(),
                PileRules.dischargeOrZero(command.maxDischargeKw()), command.connectorCount()));
    }

    /** Takes the pile out of service; it first leaves its aggregation unit. */
    @CommandHandler
    public void handle(DecommissionPileCommand command) {
        requireOwner(command.operatorId());
        if (decommissioned) {
            throw Refusal.conflict("ICC-PILE-ALREADY-DECOMMISSIONED", "pileId",
                    "充电桩 " + pileId + " 已退役", "Pile " + pileId + " is already decommissioned",
                    "Nothing to do").exception();
        }
        String reason = ArchiveRules.reason(command.reason());
        if (unitId != null) {
            apply(new PileRemovedFromUnitEvent(pileId, unitId, operatorId));
        }
        apply(new PileDecommissionedEvent(pileId, operatorId, stationId, reason));
    }

    /** Joins a unit (the membership handler has checked that it may). */
    void assignTo(AggregationUnitId unit) {
        apply(new PileAssignedToUnitEvent(pileId, unit, operatorId));
    }

    /** Leaves its unit (the membership handler has checked that it is in it). */
    void removeFrom(AggregationUnitId unit) {
        apply(new PileRemovedFromUnitEvent(pileId, unit, operatorId));
    }

    PileFacts facts() {
        return new PileFacts(operatorId, dispatchAreaId, unitId, decommissioned);
    }

    private void requireOwner(OperatorId requester) {
        if (requester == null) {
            throw Texts.missing("operatorId", "运营商", "operator id").exception();
        }
        if (!requester.equals(operatorId)) {
            throw ArchiveRefusals.pileNotYours(pileId, requester).exception();
        }
    }

    @EventSourcingHandler
    void on(PileRegisteredEvent event) {
        streamId = StreamIds.of(event.pileId());
        pileId = event.pileId();
        operatorId = event.operatorId();
        stationId = event.stationId();
        dispatchAreaId = event.dispatchAreaId();
        type = event.type();
    }

    @EventSourcingHandler
    void on(PileAssignedToUnitEvent event) {
        unitId = event.unitId();
    }

    @EventSourcingHandler
    void on(PileRemovedFromUnitEvent event) {
        unitId = null;
    }

    @EventSourcingHandler
    void on(PileDecommissionedEvent event) {
        decommissioned = true;
    }
}
