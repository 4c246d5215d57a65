package org.evgrid.icc.coreapi.archive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Decommissions a station; refused while it still has piles in service. */
@SignedBy({Role.OPERATOR_PLATFORM, Role.ARCHIVE_MANAGER})
public record DecommissionStationCommand(
        @TargetAggregateIdentifier StationId stationId,
        OperatorId operatorId,
        String reason) implements OperatorScoped {
}
