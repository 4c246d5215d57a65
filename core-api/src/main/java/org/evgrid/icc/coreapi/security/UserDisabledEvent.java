package org.evgrid.icc.coreapi.security;

import org.axonframework.serialization.Revision;

/** A console user was disabled. */
@Revision("1")
public record UserDisabledEvent(
        UserId userId,
        String reason) {
}
