package org.evgrid.icc.command.telemetry.internal;

import org.bson.Document;

/** Where accepted readings are written before their batch event is appended. */
public interface ReadingsSink {

    /** Writes (replaces) the document of a batch; idempotent by the document's {@code _id}. */
    void store(Document readings);
}
