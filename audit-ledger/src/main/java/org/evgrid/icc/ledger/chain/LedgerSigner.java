package org.evgrid.icc.ledger.chain;

/**
 * The center's own key, used to seal ledger checkpoints (infra supplies the SM2 key).
 */
public interface LedgerSigner {

    /** The id of the sealing key, recorded with every checkpoint. */
    String keyId();

    /** The signature algorithm, e.g. {@code SM3withSM2}. */
    String algorithm();

    /** Signs the given bytes. */
    byte[] sign(byte[] data);

    /** Whether the signature over the given bytes was made with this key. */
    boolean verify(byte[] data, byte[] signature);
}
