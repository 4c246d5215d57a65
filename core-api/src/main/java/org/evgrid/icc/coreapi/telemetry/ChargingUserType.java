package org.evgrid.icc.coreapi.telemetry;

/** Who charged, as operator platforms classify their users. */
public enum ChargingUserType {
    PRIVATE,
    PUBLIC,
    FLEET,
    BUS,
    TAXI,
    OTHER
}
