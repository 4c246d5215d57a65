package org.evgrid.icc.query.market;

/**
 * The processing group of the market read models (products, bids, notices) and the demand response read models
 * (programs, events, participations): a tracking processor with ONE thread and one segment (the per-day membership
 * documents take members from many aggregates; writes are whole-document replacements computed in Java). Each document
 * takes an event only if the event's aggregate sequence number is above the one it last took, so re-delivery changes
 * nothing.
 */
public final class MarketProcessing {

    /** Name of the processing group. */
    public static final String GROUP = "market-projection";

    /** The key of the group's per-batch writer (shared by the group's projections). */
    public static final String BATCH = "DocumentBatch|" + GROUP;

    private MarketProcessing() {
    }
}
