package org.evgrid.icc.coreapi.dr;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for demand response events by trading day range; answers {@link DrEventList}. */
public record FindDrEventsQuery(
        Viewer viewer,
        LocalDate from,
        LocalDate to) {
}
