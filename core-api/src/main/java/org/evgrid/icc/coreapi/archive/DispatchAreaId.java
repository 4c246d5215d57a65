package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.common.Ids;

/** Identifier of dispatchAreaId: 1–64 letters, digits or {@code _ . : -}. */
public record DispatchAreaId(String value) implements Identifier {

    public DispatchAreaId {
        Ids.require(value, "dispatchAreaId");
    }

    @Override
    public String toString() {
        return value;
    }
}
