package org.evgrid.icc.coreapi.security;

/** Finds a console user's credentials by user id. */
public record FindUserCredentialsQuery(
        UserId userId) {
}
