package org.evgrid.icc.coreapi.audit;

import java.util.List;

/**
 * One collection of a rebuilt projection against the live one: document counts, and the ids (first 20 of each) of
 * documents only live ({@code extra}), only rebuilt ({@code missing}) and in both with different content.
 */
public record CollectionComparison(
        String collection,
        long liveCount,
        long rebuiltCount,
        long missingCount,
        long extraCount,
        long differentCount,
        List<String> missing,
        List<String> extra,
        List<String> different) {

    /** Whether live and rebuilt hold the same documents. */
    public boolean identical() {
        return missingCount == 0 && extraCount == 0 && differentCount == 0;
    }
}
