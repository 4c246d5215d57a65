package org.evgrid.icc.coreapi.dr;

import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for all demand response programs; answers {@link DrProgramList}. */
public record FindDrProgramsQuery(
        Viewer viewer) {
}
