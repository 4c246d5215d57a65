package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.security.Viewer;

/** Finds one station. */
public record FindStationQuery(
        Viewer viewer,
        StationId stationId) {
}
