package org.evgrid.icc.coreapi.diagnosis;

/** Overall state of the center: OK, DEGRADED (works, needs attention) or FAILED (a store is down or data is damaged). */
public enum DiagnosisVerdict {
    OK,
    DEGRADED,
    FAILED
}
