package org.evgrid.icc.coreapi.forecast;

import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.common.Ids;

/** Identifier of an on-demand forecast request, chosen by the requester: 1–64 letters, digits or {@code _ . : -}. */
public record ForecastRequestId(String value) implements Identifier {

    public ForecastRequestId {
        Ids.require(value, "requestId");
    }

    @Override
    public String toString() {
        return value;
    }
}
