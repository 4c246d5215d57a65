package org.evgrid.icc.coreapi.telemetry;

import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for the latest 5-minute interval with data of a unit, dispatch area or operator (real-time view). */
public record FindCurrentIntervalQuery(
        Viewer viewer,
        PileDimension dimension,
        String key) {
}
