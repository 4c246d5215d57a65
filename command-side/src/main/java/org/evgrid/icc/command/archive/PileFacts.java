package org.evgrid.icc.command.archive;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.OperatorId;

/** What the unit membership handler needs to know of a pile. */
record PileFacts(OperatorId operatorId, DispatchAreaId dispatchAreaId, AggregationUnitId unitId, boolean decommissioned) {
}
