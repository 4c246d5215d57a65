package org.evgrid.icc.coreapi.security;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A console user's new password, as a bcrypt hash. The user proves the old password over HTTP Basic
 * ({@code POST /api/v1/me/password}); the center checks the password policy and the user's recent passwords there and
 * then signs this command with its service key on the user's behalf (the plain password never travels further).
 */
@SignedBy({Role.CENTER_SERVICE})
public record ChangePasswordCommand(
        @TargetAggregateIdentifier UserId userId,
        String passwordHash) {
}
