package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Changes an operator's name, contact or contract share ratio. */
@SignedBy({Role.ARCHIVE_MANAGER})
public record UpdateOperatorCommand(
        @TargetAggregateIdentifier OperatorId operatorId,
        String name,
        Contact contact,
        BigDecimal shareRatio) implements OperatorScoped {
}
