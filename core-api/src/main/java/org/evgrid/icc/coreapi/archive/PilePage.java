package org.evgrid.icc.coreapi.archive;

import java.util.List;

/** A page of piles, sorted by pile id. */
public record PilePage(
        List<PileView> items,
        long total,
        int page,
        int size) {
}
