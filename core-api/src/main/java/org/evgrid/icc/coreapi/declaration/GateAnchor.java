package org.evgrid.icc.coreapi.declaration;

/** What a gate-closure offset counts from. */
public enum GateAnchor {
    /** Day {@code offset} of the month before the period's first day (e.g. the 20th of the previous month). */
    DAY_OF_PREVIOUS_MONTH,
    /** {@code offset} calendar days before the period's first day (e.g. 4 = the Thursday before a Monday). */
    DAYS_BEFORE_PERIOD
}
