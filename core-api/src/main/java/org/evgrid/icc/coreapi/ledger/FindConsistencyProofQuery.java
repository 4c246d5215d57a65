package org.evgrid.icc.coreapi.ledger;

/** The consistency proof between the trees of the first {@code first} and the first {@code second} entries. */
public record FindConsistencyProofQuery(
        long first,
        long second) {
}
