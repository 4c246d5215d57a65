package org.evgrid.icc.coreapi.declaration;

import java.util.List;

/** Declaration totals, ordered by unit id. */
public record DeclarationTotalsList(List<DeclarationTotalsView> items) {
}
