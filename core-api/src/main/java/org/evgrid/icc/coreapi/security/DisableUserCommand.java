package org.evgrid.icc.coreapi.security;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Disables a console user. */
@SignedBy({Role.SYSTEM_ADMIN})
public record DisableUserCommand(
        @TargetAggregateIdentifier UserId userId,
        String reason) {
}
