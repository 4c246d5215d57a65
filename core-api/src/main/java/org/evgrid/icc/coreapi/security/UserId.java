package org.evgrid.icc.coreapi.security;

import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.common.Ids;

/** Identifier of userId: 1–64 letters, digits or {@code _ . : -}. */
public record UserId(String value) implements Identifier {

    public UserId {
        Ids.require(value, "userId");
    }

    @Override
    public String toString() {
        return value;
    }
}
