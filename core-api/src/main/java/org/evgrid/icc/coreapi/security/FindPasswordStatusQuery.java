package org.evgrid.icc.coreapi.security;

/** Finds when a console user's password was set and the user's recent password hashes; answers {@link PasswordStatusView} or null. */
public record FindPasswordStatusQuery(
        UserId userId) {
}
