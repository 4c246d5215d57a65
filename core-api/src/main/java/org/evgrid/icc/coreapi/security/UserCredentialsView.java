package org.evgrid.icc.coreapi.security;

import java.util.Set;

import org.evgrid.icc.coreapi.archive.OperatorId;

/** What the console login needs of a user. */
public record UserCredentialsView(
        UserId userId,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        DataScope scope,
        OperatorId operatorId,
        boolean enabled) {
}
