package org.evgrid.icc.coreapi.dispatch;

import java.util.List;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;

/**
 * What the allocation knows of one pile: limits in W, whether it can be dispatched (online and responsive) and the
 * sessions expected on it.
 */
public record PileDispatchInput(
        PileId pileId,
        OperatorId operatorId,
        PileType type,
        long ratedW,
        long minW,
        long maxDischargeW,
        boolean online,
        List<SessionNeed> sessions) {
}
