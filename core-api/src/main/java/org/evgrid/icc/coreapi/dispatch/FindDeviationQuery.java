package org.evgrid.icc.coreapi.dispatch;

import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for one deviation; answers {@link DeviationView} or null. */
public record FindDeviationQuery(
        Viewer viewer,
        DeviationId deviationId) {
}
