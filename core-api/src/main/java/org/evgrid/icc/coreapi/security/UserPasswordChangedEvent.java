package org.evgrid.icc.coreapi.security;

import org.axonframework.serialization.Revision;

/** A console user changed the password (the new bcrypt hash; the event's time starts the password's age). */
@Revision("1")
public record UserPasswordChangedEvent(
        UserId userId,
        String passwordHash) {
}
