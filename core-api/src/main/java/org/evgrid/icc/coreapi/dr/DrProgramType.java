package org.evgrid.icc.coreapi.dr;

/** The kind of a demand response program. */
public enum DrProgramType {
    /** Reduce load in the event intervals (削峰). */
    PEAK_SHAVING,
    /** Increase load in the event intervals (填谷). */
    VALLEY_FILLING
}
