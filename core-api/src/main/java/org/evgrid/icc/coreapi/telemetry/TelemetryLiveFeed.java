package org.evgrid.icc.coreapi.telemetry;

import org.evgrid.icc.coreapi.archive.PileDimension;

/**
 * In-process notifications that the telemetry roll-ups changed a dimension key's data (for live views). The listener
 * runs on the projection's thread after the write: it must return quickly.
 */
public interface TelemetryLiveFeed {

    /** Registers a listener for one dimension key; closing the returned handle unregisters it. */
    AutoCloseable subscribe(PileDimension dimension, String key, Runnable listener);
}
