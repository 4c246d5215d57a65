package org.evgrid.icc.coreapi.market;

/** The market a product trades in. */
public enum MarketSegment {
    /** Medium/long-term energy (monthly, weekly). */
    MEDIUM_LONG_TERM,
    /** Day-ahead spot, 96-point curve. */
    DAY_AHEAD_SPOT,
    /** Real-time spot. */
    REAL_TIME_SPOT,
    /** Demand response (peak shaving, valley filling). */
    DEMAND_RESPONSE,
    /** Green power. */
    GREEN_POWER
}
