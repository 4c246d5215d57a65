package org.evgrid.icc.coreapi.archive;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Adds piles (up to 1,000) to an aggregation unit; a pile belongs to at most one unit at a time. */
@SignedBy({Role.ARCHIVE_MANAGER, Role.TRADER})
public record AssignPilesToUnitCommand(
        @TargetAggregateIdentifier AggregationUnitId unitId,
        List<PileId> pileIds) {
}
