package org.evgrid.icc.coreapi.diagnosis;

/** The center's self-diagnosis now (answers a {@link DiagnosisView}). */
public record FindDiagnosisQuery() {
}
