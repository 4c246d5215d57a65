package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.common.Ids;

/** Identifier of batchId: 1–64 letters, digits or {@code _ . : -}. */
public record ImportBatchId(String value) implements Identifier {

    public ImportBatchId {
        Ids.require(value, "batchId");
    }

    @Override
    public String toString() {
        return value;
    }
}
