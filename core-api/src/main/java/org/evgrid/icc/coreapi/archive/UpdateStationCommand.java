package org.evgrid.icc.coreapi.archive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Changes a station's name or coordinates (region and dispatch area are fixed; decommission and register anew to move). */
@SignedBy({Role.OPERATOR_PLATFORM, Role.ARCHIVE_MANAGER})
public record UpdateStationCommand(
        @TargetAggregateIdentifier StationId stationId,
        OperatorId operatorId,
        String name,
        GeoPoint location) implements OperatorScoped {
}
