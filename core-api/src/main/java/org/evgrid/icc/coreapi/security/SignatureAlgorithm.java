package org.evgrid.icc.coreapi.security;

/** Signature algorithms accepted on signed commands (DESIGN §5). */
public enum SignatureAlgorithm {
    /** SM2 with SM3 (GB/T 32918), default user id 1234567812345678, DER-encoded (r,s). */
    SM2_SM3("SM3withSM2"),
    /** Ed25519 (RFC 8032). */
    ED25519("Ed25519"),
    /** ECDSA on NIST P-256 with SHA-256, DER-encoded (r,s). */
    ECDSA_P256("SHA256withECDSA");

    private final String jcaName;

    SignatureAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The algorithm's name for {@code java.security.Signature} (BouncyCastle provider). */
    public String jcaName() {
        return jcaName;
    }
}
