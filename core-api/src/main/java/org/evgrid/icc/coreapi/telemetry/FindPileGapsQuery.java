package org.evgrid.icc.coreapi.telemetry;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.Viewer;

/**
 * Asks which of an operator's piles in service miss 5-minute readings on a local day; piles are paged by pile id,
 * 100 per page, and only piles with gaps are listed.
 */
public record FindPileGapsQuery(
        Viewer viewer,
        OperatorId operatorId,
        LocalDate day,
        int page) {
}
