package org.evgrid.icc.coreapi.telemetry;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.Viewer;

/** Asks how completely an operator reported its piles' power per 5-minute interval of a local day. */
public record FindCompletenessQuery(
        Viewer viewer,
        OperatorId operatorId,
        LocalDate day) {
}
