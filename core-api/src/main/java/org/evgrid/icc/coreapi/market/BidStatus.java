package org.evgrid.icc.coreapi.market;

/** Where a bid is in its lifecycle. */
public enum BidStatus {
    /** Drafted or amended, not submitted. */
    DRAFT,
    /** Submitted; the gateway is delivering it. */
    SUBMITTED,
    /** The gateway gave up delivering it. */
    DELIVERY_FAILED,
    /** The exchange accepted it. */
    ACCEPTED,
    /** The exchange rejected it. */
    REJECTED,
    /** The exchange cleared it. */
    CLEARED,
    /** Gate closed (or period ended) without clearing. */
    EXPIRED,
    /** Withdrawn by the trader. */
    WITHDRAWN
}
