package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.common.Ids;

/** Identifier of pileId: 1–64 letters, digits or {@code _ . : -}. */
public record PileId(String value) implements Identifier {

    public PileId {
        Ids.require(value, "pileId");
    }

    @Override
    public String toString() {
        return value;
    }
}
