package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.common.Ids;

/** Identifier of operatorId: 1–64 letters, digits or {@code _ . : -}. */
public record OperatorId(String value) implements Identifier {

    public OperatorId {
        Ids.require(value, "operatorId");
    }

    @Override
    public String toString() {
        return value;
    }
}
