package org.evgrid.icc.coreapi.archive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Reinstates a suspended operator. */
@SignedBy({Role.ARCHIVE_MANAGER})
public record ReinstateOperatorCommand(
        @TargetAggregateIdentifier OperatorId operatorId,
        String reason) implements OperatorScoped {
}
