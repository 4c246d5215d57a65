package org.evgrid.icc.coreapi.audit;

/** Rebuild a projection (by processing group name) from the event store into scratch collections and compare. */
public record DiagnoseProjectionQuery(
        String projection) {
}
