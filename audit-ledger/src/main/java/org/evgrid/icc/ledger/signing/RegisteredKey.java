package org.evgrid.icc.ledger.signing;

import java.security.PublicKey;

import org.evgrid.icc.coreapi.security.SignerKeyView;

/** A registered key with its parsed public key (null if the stored key cannot be parsed: nothing then verifies). */
record RegisteredKey(SignerKeyView view, PublicKey publicKey) {

    boolean verifies(byte[] data, byte[] signature) {
        return publicKey != null && Crypto.verify(view.algorithm(), publicKey, data, signature);
    }
}
