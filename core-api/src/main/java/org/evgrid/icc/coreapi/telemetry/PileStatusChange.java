package org.evgrid.icc.coreapi.telemetry;

import java.time.Instant;

import org.evgrid.icc.coreapi.archive.PileId;

/** A connector's status changed at a time (T/CEC 102 connector status, OCPI EVSE status). */
public record PileStatusChange(
        PileId pileId,
        Integer connectorNo,
        ConnectorStatus status,
        Instant changedAt) {
}
