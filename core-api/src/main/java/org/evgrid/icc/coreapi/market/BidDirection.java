package org.evgrid.icc.coreapi.market;

/** Whether the aggregator buys energy (charging load) or sells (reduction, V2G discharge). */
public enum BidDirection {
    /** Buys energy. */
    BUY,
    /** Sells energy or load reduction. */
    SELL
}
