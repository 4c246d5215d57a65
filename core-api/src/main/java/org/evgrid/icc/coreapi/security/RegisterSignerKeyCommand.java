package org.evgrid.icc.coreapi.security;

import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.OperatorId;

/** Registers a public key that may sign commands, with the roles and data scope it acts for. */
@SignedBy({Role.SYSTEM_ADMIN, Role.OPERATOR_PLATFORM})
public record RegisterSignerKeyCommand(
        @TargetAggregateIdentifier KeyId keyId,
        SignatureAlgorithm algorithm,
        String publicKey,
        String ownerId,
        Set<Role> roles,
        OperatorId operatorId,
        DataScope scope) {
}
