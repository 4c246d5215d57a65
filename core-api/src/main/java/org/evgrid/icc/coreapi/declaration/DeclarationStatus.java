package org.evgrid.icc.coreapi.declaration;

/** Where a declaration stands (frozen or not is told apart by the gate closure). */
public enum DeclarationStatus {
    /** Declared (possibly amended) and counted in the totals. */
    DECLARED,
    /** Withdrawn by its operator; counted nowhere. It may be declared again before the gate closes. */
    WITHDRAWN
}
