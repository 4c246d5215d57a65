package org.evgrid.icc.coreapi.archive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Takes a pile out of service for good; it leaves its aggregation unit. */
@SignedBy({Role.OPERATOR_PLATFORM, Role.ARCHIVE_MANAGER})
public record DecommissionPileCommand(
        @TargetAggregateIdentifier PileId pileId,
        OperatorId operatorId,
        String reason) implements OperatorScoped {
}
