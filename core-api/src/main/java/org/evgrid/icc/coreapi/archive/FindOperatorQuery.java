package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.security.Viewer;

/** Finds one operator. */
public record FindOperatorQuery(
        Viewer viewer,
        OperatorId operatorId) {
}
