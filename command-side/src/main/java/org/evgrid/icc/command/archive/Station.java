package org.evgrid.icc.command.archive;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.archive.StationDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.StationRegisteredEvent;
import org.evgrid.icc.coreapi.archive.StationUpdatedEvent;
import org.evgrid.icc.coreapi.archive.UpdateStationCommand;

/**
 * A charging station of an operator, with its region and dispatch area (fixed for its life). Registered and
 * decommissioned through {@link StationCommandHandler}, which knows the operator and the piles in service.
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class Station {

    @AggregateIdentifier
    private String streamId;
    private StationId stationId;
    private OperatorId operatorId;
    private Region region;
    private DispatchAreaId dispatchAreaId;
    private boolean decommissioned;

    /** For Axon. */
    public Station() {
    }

    /** A new station from a registration that {@link StationCommandHandler} has checked. */
    Station(StationRegisteredEvent registration) {
        apply(registration);
    }

    /** Changes the name and coordinates; both are given anew. */
    @CommandHandler
    public void handle(UpdateStationCommand command) {
        requireOwner(command.operatorId());
        if (decommissioned) {
            throw ArchiveRefusals.stationDecommissioned(stationId).exception();
        }
        String name = ArchiveRules.name(command.name(), "name", "充电站名称", "station name");
        GeoPoint location = ArchiveRules.location(command.location());
        apply(new StationUpdatedEvent(stationId, operatorId, name, location));
    }

    /**
     * Decommissions the station for its operator.
     *
     * @param pilesInService how many of its piles are still in service; decommissioning is refused unless 0
     */
    void decommission(OperatorId requester, String reason, long pilesInService) {
        requireOwner(requester);
        if (decommissioned) {
            throw Refusal.conflict("ICC-STATION-ALREADY-DECOMMISSIONED", "stationId",
                    "充电站 " + stationId + " 已退役", "Station " + stationId + " is already decommissioned",
                    "Nothing to do").exception();
        }
        if (pilesInService > 0) {
            throw Refusal.unprocessable("ICC-STATION-HAS-PILES", "stationId",
                    "充电站 " + stationId + " 还有 " + pilesInService + " 台在役充电桩，不能退役",
                    "Station " + stationId + " still has " + pilesInService + " piles in service and cannot be decommissioned",
                    "Decommission the station's piles first").exception();
        }
        apply(new StationDecommissionedEvent(stationId, operatorId, ArchiveRules.reason(reason)));
    }

    StationFacts facts() {
        return new StationFacts(operatorId, dispatchAreaId, region, decommissioned);
    }

    private void requireOwner(OperatorId requester) {
        if (requester == null) {
            throw Texts.missing("operatorId", "运营商", "operator id").exception();
        }
        if (!requester.equals(operatorId)) {
            throw ArchiveRefusals.stationNotYours(stationId, requester).exception();
        }
    }

    @EventSourcingHandler
    void on(StationRegisteredEvent event) {
        streamId = StreamIds.of(event.stationId());
        stationId = event.stationId();
        operatorId = event.operatorId();
        region = event.region();
        dispatchAreaId = event.dispatchAreaId();
    }

    @EventSourcingHandler
    void on(StationDecommissionedEvent event) {
        decommissioned = true;
    }
}
