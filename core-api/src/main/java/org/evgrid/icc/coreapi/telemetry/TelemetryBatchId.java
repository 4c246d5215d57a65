package org.evgrid.icc.coreapi.telemetry;

import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.common.Ids;

/** Identifier of batchId: 1–64 letters, digits or {@code _ . : -}. */
public record TelemetryBatchId(String value) implements Identifier {

    public TelemetryBatchId {
        Ids.require(value, "batchId");
    }

    @Override
    public String toString() {
        return value;
    }
}
