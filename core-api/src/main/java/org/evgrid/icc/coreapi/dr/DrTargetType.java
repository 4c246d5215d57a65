package org.evgrid.icc.coreapi.dr;

/** What a demand response interval asks for (OpenADR 3 payload types). */
public enum DrTargetType {
    /** A load setpoint in kW. */
    DISPATCH_SETPOINT,
    /** A maximum load in kW. */
    IMPORT_CAPACITY_LIMIT,
    /** A reduction against the baseline in kW. */
    LOAD_REDUCTION,
    /** A price signal in CNY/MWh. */
    PRICE
}
