package org.evgrid.icc.coreapi.declaration;

import java.util.List;

/** Declarations, ordered by declaration id. */
public record DeclarationList(List<DeclarationView> items) {
}
