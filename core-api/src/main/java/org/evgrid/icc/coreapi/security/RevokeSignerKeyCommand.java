package org.evgrid.icc.coreapi.security;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes a key: it verifies old history but signs nothing new. */
@SignedBy({Role.SYSTEM_ADMIN, Role.OPERATOR_PLATFORM})
public record RevokeSignerKeyCommand(
        @TargetAggregateIdentifier KeyId keyId,
        String reason) {
}
