package org.evgrid.icc.coreapi.dispatch;

/** What a dispatch plan comes from. */
public enum DispatchSourceKind {
    /** A cleared bid. */
    MARKET_CLEARING,
    /** An accepted demand response event. */
    DEMAND_RESPONSE
}
