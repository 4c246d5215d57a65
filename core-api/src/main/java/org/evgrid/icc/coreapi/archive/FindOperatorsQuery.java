package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.security.Viewer;

/** Lists the operators the viewer may see. */
public record FindOperatorsQuery(
        Viewer viewer) {
}
