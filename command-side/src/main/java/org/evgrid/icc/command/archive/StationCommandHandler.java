package org.evgrid.icc.command.archive;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.evgrid.icc.command.archive.internal.ArchiveRefusals;
import org.evgrid.icc.command.archive.internal.ArchiveRules;
import org.evgrid.icc.command.archive.internal.StationPileIndex;
import org.evgrid.icc.command.common.Aggregates;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.archive.DecommissionStationCommand;
import org.evgrid.icc.coreapi.archive.RegisterStationCommand;
import org.evgrid.icc.coreapi.archive.StationRegisteredEvent;
import org.springframework.stereotype.Component;

/**
 * Registers stations (the operator must exist and be active) and decommissions them (refused while the
 * {@link StationPileIndex} lists piles in service at the station).
 */
@Component
public class StationCommandHandler {

    private final Repository<Station> stations;
    private final StationPileIndex stationPiles;
    private final EventStore events;

    public StationCommandHandler(Repository<Station> stationRepository, StationPileIndex stationPileIndex, EventStore eventStore) {
        this.stations = stationRepository;
        this.stationPiles = stationPileIndex;
        this.events = eventStore;
    }

    @CommandHandler
    public void handle(RegisterStationCommand command) throws Exception {
        StationRegisteredEvent registration = check(command);
        ArchiveLookups.requireActiveOperator(events, command.operatorId());
        if (Aggregates.exists(events, command.stationId())) {
            throw Refusal.conflict("ICC-STATION-EXISTS", "stationId",
                    "充电站 " + command.stationId() + " 已登记", "Station " + command.stationId() + " is already registered",
                    "Choose another station id, or update the registered station").exception();
        }
        stations.newInstance(() -> new Station(registration));
    }

    @CommandHandler
    public void handle(DecommissionStationCommand command) {
        Aggregate<Station> station = Aggregates.find(stations, events, command.stationId())
                .orElseThrow(() -> ArchiveRefusals.stationUnknown(command.stationId()).exception());
        long inService = stationPiles.inService(command.stationId());
        station.execute(s -> s.decommission(command.operatorId(), command.reason(), inService));
    }

    /** Checks every field of a registration and answers its event. */
    static StationRegisteredEvent check(RegisterStationCommand command) {
        if (command.operatorId() == null) {
            throw Texts.missing("operatorId", "运营商", "operator id").exception();
        }
        String name = ArchiveRules.name(command.name(), "name", "充电站名称", "station name");
        ArchiveRules.region(command.region());
        ArchiveRules.location(command.location());
        if (command.dispatchAreaId() == null) {
            throw Texts.missing("dispatchAreaId", "调度区域", "dispatch area").exception();
        }
        return new StationRegisteredEvent(command.stationId(), command.operatorId(), name, command.region(), command.location(),
                command.dispatchAreaId());
    }
}
