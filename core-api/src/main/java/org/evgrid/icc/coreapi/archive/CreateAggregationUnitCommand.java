package org.evgrid.icc.coreapi.archive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Creates an aggregation unit: a set of piles in one dispatch area traded as one. */
@SignedBy({Role.ARCHIVE_MANAGER, Role.TRADER})
public record CreateAggregationUnitCommand(
        @TargetAggregateIdentifier AggregationUnitId unitId,
        String name,
        DispatchAreaId dispatchAreaId,
        String provinceCode) {
}
