package org.evgrid.icc.coreapi.security;

/**
 * Encrypts secrets the center keeps at rest (authenticated encryption, SM4-GCM by default). A sealed value is a
 * self-describing string {@code v1:<alg>:<keyId>:<nonce>:<ciphertext+tag>}; the context (e.g. {@code "totp:" + userId})
 * is bound to it, so a value copied to another field or user does not open.
 */
public interface SecretSealer {

    /** The prefix of every sealed value. */
    String PREFIX = "v1:";

    /** Seals plain bytes for the context with the current key. */
    String seal(byte[] plain, String context);

    /** Opens a sealed value; refuses (IccException) a wrong context, an unknown key or a tampered value, never answers garbage. */
    byte[] open(String sealed, String context);

    /** Whether the value was sealed with the current key (else it should be sealed again). */
    boolean isCurrent(String sealed);

    /** Whether a stored value is sealed at all (values written before encryption at rest are plain). */
    static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }
}
