package org.evgrid.icc.command.declaration;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.evgrid.icc.command.common.Aggregates;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.springframework.stereotype.Component;

/**
 * What a declaration checks about its aggregation unit: that the unit exists (its stream in the event store; no lock).
 * Whether the operator has piles in it, and their rated power, are not checked here: the command side keeps no
 * per-unit membership index (membership lives on the piles).
 */
@Component
public class DeclarationUnits {

    private final EventStore events;

    public DeclarationUnits(EventStore eventStore) {
        this.events = eventStore;
    }

    /** Whether the unit exists. */
    public boolean exists(AggregationUnitId unitId) {
        return Aggregates.exists(events, unitId);
    }
}
