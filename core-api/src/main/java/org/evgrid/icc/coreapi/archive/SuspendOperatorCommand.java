package org.evgrid.icc.coreapi.archive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Suspends an operator: its platform can register nothing new until reinstated. */
@SignedBy({Role.ARCHIVE_MANAGER})
public record SuspendOperatorCommand(
        @TargetAggregateIdentifier OperatorId operatorId,
        String reason) implements OperatorScoped {
}
