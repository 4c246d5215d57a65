package org.evgrid.icc.command.archive;

import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.Region;

/** What pile handlers need to know of a station. */
record StationFacts(OperatorId operatorId, DispatchAreaId dispatchAreaId, Region region, boolean decommissioned) {
}
