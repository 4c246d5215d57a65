package org.evgrid.icc.coreapi.archive;

import org.evgrid.icc.coreapi.security.Viewer;

/** Finds one pile by id. */
public record FindPileQuery(
        Viewer viewer,
        PileId pileId) {
}
