package org.evgrid.icc.coreapi.archive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Registers a charging station of an operator, with its location and dispatch area. */
@SignedBy({Role.OPERATOR_PLATFORM, Role.ARCHIVE_MANAGER})
public record RegisterStationCommand(
        @TargetAggregateIdentifier StationId stationId,
        OperatorId operatorId,
        String name,
        Region region,
        GeoPoint location,
        DispatchAreaId dispatchAreaId) implements OperatorScoped {
}
