package org.evgrid.icc.command.archive;

import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.evgrid.icc.command.archive.internal.ArchiveRefusals;
import org.evgrid.icc.command.common.Aggregates;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.StationId;

/**
 * Checks that the archive handlers share: the operator may register, the station may take piles of the operator. They
 * read the operator and station without taking their locks, so commands of one operator do not queue on them.
 */
final class ArchiveLookups {

    private ArchiveLookups() {
    }

    /** Refuses an absent, unknown or suspended operator. */
    static void requireActiveOperator(EventStore events, OperatorId operatorId) {
        if (operatorId == null) {
            throw Texts.missing("operatorId", "运营商", "operator id").exception();
        }
        Aggregate<Operator> operator = Aggregates.read(Operator.class, events, operatorId)
                .orElseThrow(() -> ArchiveRefusals.operatorUnknown(operatorId).exception());
        if (operator.invoke(Operator::suspended)) {
            throw ArchiveRefusals.operatorSuspended(operatorId).exception();
        }
    }

    /** The station's facts, if it exists. */
    static Optional<StationFacts> station(EventStore events, StationId stationId) {
        return Aggregates.read(Station.class, events, stationId).map(station -> station.invoke(Station::facts));
    }

    /** Why a station cannot take a new pile of the operator, if it cannot. */
    static Optional<Refusal> refusePileAt(Optional<StationFacts> station, StationId stationId, OperatorId operatorId) {
        if (station.isEmpty()) {
            return Optional.of(ArchiveRefusals.stationUnknown(stationId));
        }
        if (!station.get().operatorId().equals(operatorId)) {
            return Optional.of(ArchiveRefusals.stationNotYours(stationId, operatorId));
        }
        if (station.get().decommissioned()) {
            return Optional.of(ArchiveRefusals.stationDecommissioned(stationId));
        }
        return Optional.empty();
    }
}
