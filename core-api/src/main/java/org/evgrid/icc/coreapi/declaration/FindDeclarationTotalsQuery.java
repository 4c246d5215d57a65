package org.evgrid.icc.coreapi.declaration;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.security.Viewer;

/** The totals of a product and period: for one unit, or (unitId null) for every unit with declarations. */
public record FindDeclarationTotalsQuery(Viewer viewer, String product, LocalDate periodStart, AggregationUnitId unitId) {
}
