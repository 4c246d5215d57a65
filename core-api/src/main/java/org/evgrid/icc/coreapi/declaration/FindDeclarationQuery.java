package org.evgrid.icc.coreapi.declaration;

import org.evgrid.icc.coreapi.security.Viewer;

/** Finds one declaration. */
public record FindDeclarationQuery(Viewer viewer, DeclarationId declarationId) {
}
