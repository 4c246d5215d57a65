package org.evgrid.icc.coreapi.security;

/**
 * Metadata keys of signed commands and of the events they produce.
 *
 * <p>A command dispatched through the signed path carries {@link #ENVELOPE} (the canonical signing input) and
 * {@link #SIGNATURE}; after verification every event it produces carries {@link #SIGNER}, {@link #KEY_ID},
 * {@link #ALGORITHM} and {@link #ENVELOPE_DIGEST}.
 */
public final class SignatureMetadata {

    /** Canonical JSON (RFC 8785) of the envelope without its signature: the exact bytes that were signed. */
    public static final String ENVELOPE = "icc.envelope";
    /** Base64 of the signature over {@link #ENVELOPE}. */
    public static final String SIGNATURE = "icc.signature";
    /** The owner of the signing key (a user or an operator platform). */
    public static final String SIGNER = "icc.signer";
    /** The signing key's id. */
    public static final String KEY_ID = "icc.keyId";
    /** The signature algorithm. */
    public static final String ALGORITHM = "icc.algorithm";
    /** Hex SM3 digest of the envelope and its signature; the key of the stored envelope. */
    public static final String ENVELOPE_DIGEST = "icc.envelopeDigest";
    /** Comma-separated roles of the signing key (added to the command by the verifier, for handlers). */
    public static final String SIGNER_ROLES = "icc.signerRoles";
    /** The operator of the signing key, if it acts for one (added to the command by the verifier, for handlers). */
    public static final String SIGNER_OPERATOR = "icc.signerOperator";
    /** The client address the command came from, when it came over HTTP. */
    public static final String CLIENT_ADDRESS = "icc.clientAddress";

    private SignatureMetadata() {
    }
}
