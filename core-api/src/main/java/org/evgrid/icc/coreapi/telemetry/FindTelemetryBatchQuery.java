package org.evgrid.icc.coreapi.telemetry;

import org.evgrid.icc.coreapi.security.Viewer;

/** Finds the receipt of one telemetry batch by its id; answers a {@link TelemetryReceipt}. */
public record FindTelemetryBatchQuery(
        Viewer viewer,
        TelemetryBatchId batchId) {
}
