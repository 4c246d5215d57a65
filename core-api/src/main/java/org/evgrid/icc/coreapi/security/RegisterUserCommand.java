package org.evgrid.icc.coreapi.security;

import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.OperatorId;

/** Creates a console user with roles, data scope and a bcrypt password hash (computed by the client; the plain password never travels). */
@SignedBy({Role.SYSTEM_ADMIN})
public record RegisterUserCommand(
        @TargetAggregateIdentifier UserId userId,
        String displayName,
        Set<Role> roles,
        DataScope scope,
        OperatorId operatorId,
        String passwordHash) {
}
