package org.evgrid.icc.coreapi.security;

import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.common.Ids;

/** Identifier of keyId: 1–64 letters, digits or {@code _ . : -}. */
public record KeyId(String value) implements Identifier {

    public KeyId {
        Ids.require(value, "keyId");
    }

    @Override
    public String toString() {
        return value;
    }
}
