package org.evgrid.icc.coreapi.ledger;

/** The newest signed tree head (STH) of the ledger's Merkle tree. */
public record FindLatestTreeHeadQuery() {
}
