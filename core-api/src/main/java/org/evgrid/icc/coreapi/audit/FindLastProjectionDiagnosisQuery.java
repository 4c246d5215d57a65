package org.evgrid.icc.coreapi.audit;

/** The last self-diagnosis report of a projection since the center started (none: not found). */
public record FindLastProjectionDiagnosisQuery(
        String projection) {
}
