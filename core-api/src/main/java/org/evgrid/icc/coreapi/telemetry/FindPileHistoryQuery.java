package org.evgrid.icc.coreapi.telemetry;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for one pile's 5-minute readings of one local day: the latest values and every superseded version. */
public record FindPileHistoryQuery(
        Viewer viewer,
        PileId pileId,
        LocalDate day) {
}
