package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.common.Ids;

/** Identifier of unitId: 1–64 letters, digits or {@code _ . : -}. */
public record AggregationUnitId(String value) implements Identifier {

    public AggregationUnitId {
        Ids.require(value, "unitId");
    }

    @Override
    public String toString() {
        return value;
    }
}
