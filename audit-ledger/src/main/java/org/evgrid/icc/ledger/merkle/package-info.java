/**
 * The ledger's Merkle tree (RFC 6962 / RFC 9162 with SM3): hashes, proof shapes, offline proof verification and signed
 * tree heads. No server dependencies: part of the partner CLI.
 */
package org.evgrid.icc.ledger.merkle;
