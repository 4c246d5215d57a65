package org.evgrid.icc.ledger.chain;

/**
 * Turns an event payload into the canonical bytes the ledger digests. Must be deterministic: the same payload always
 * gives the same bytes, in this process and in the verifier (infra supplies RFC 8785 canonical JSON).
 */
public interface PayloadCanonicalizer {

    /** The canonical bytes of a payload. */
    byte[] canonicalBytes(Object payload);
}
