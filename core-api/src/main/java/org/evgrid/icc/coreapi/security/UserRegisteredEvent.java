package org.evgrid.icc.coreapi.security;

import java.util.Set;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.OperatorId;

/** A console user was created. */
@Revision("1")
public record UserRegisteredEvent(
        UserId userId,
        String displayName,
        Set<Role> roles,
        DataScope scope,
        OperatorId operatorId,
        String passwordHash) {
}
