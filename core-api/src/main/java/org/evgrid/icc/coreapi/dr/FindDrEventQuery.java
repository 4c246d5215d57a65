package org.evgrid.icc.coreapi.dr;

import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for one demand response event; answers {@link DrEventView} or null. */
public record FindDrEventQuery(
        Viewer viewer,
        DrEventId eventId) {
}
