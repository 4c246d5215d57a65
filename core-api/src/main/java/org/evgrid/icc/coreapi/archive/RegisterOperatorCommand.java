package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.PublicKeySpec;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Registers a charging operator platform with its contract share ratio and the public keys its platform signs with. */
@SignedBy({Role.ARCHIVE_MANAGER})
public record RegisterOperatorCommand(
        @TargetAggregateIdentifier OperatorId operatorId,
        String name,
        String creditCode,
        Contact contact,
        BigDecimal shareRatio,
        List<PublicKeySpec> platformKeys) implements OperatorScoped {
}
