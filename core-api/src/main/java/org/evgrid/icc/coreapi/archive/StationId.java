package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.common.Ids;

/** Identifier of stationId: 1–64 letters, digits or {@code _ . : -}. */
public record StationId(String value) implements Identifier {

    public StationId {
        Ids.require(value, "stationId");
    }

    @Override
    public String toString() {
        return value;
    }
}
