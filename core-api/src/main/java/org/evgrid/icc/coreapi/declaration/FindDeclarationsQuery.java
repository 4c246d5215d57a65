package org.evgrid.icc.coreapi.declaration;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.Viewer;

/** Lists one operator's declarations (all units, withdrawn ones too) for a product and period. */
public record FindDeclarationsQuery(Viewer viewer, OperatorId operatorId, String product, LocalDate periodStart) {
}
