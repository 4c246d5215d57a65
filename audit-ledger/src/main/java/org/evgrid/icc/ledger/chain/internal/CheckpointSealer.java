package org.evgrid.icc.ledger.chain.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.evgrid.icc.ledger.chain.LedgerHashes;
import org.evgrid.icc.ledger.chain.LedgerSigner;
import org.evgrid.icc.ledger.merkle.TreeHead;

/** Seals and checks checkpoints with the center's key. */
public final class CheckpointSealer {

    private final LedgerSigner signer;
    private final Clock clock;

    public CheckpointSealer(LedgerSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * A checkpoint of the chain up to and including {@code seq}, whose entry hash is {@code headHash}, with the signed
     * tree head of the first {@code seq + 1} entries (Merkle root {@code rootHash}).
     */
    public Checkpoint seal(long seq, String headHash, String rootHash) {
        Instant sealedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] signature = signer.sign(LedgerHashes.checkpointSigningInput(seq, headHash, sealedAt));
        TreeHead unsigned = new TreeHead(seq + 1, rootHash, headHash, sealedAt, signer.keyId(), signer.algorithm(), null);
        byte[] treeHeadSignature = signer.sign(unsigned.signingInput());
        return new Checkpoint(seq, headHash, seq + 1, sealedAt, signer.keyId(), signer.algorithm(),
                Base64.getEncoder().encodeToString(signature), rootHash, Base64.getEncoder().encodeToString(treeHeadSignature));
    }

    /** Whether a tree head's signature is valid under the given key (false if it names another key). */
    public static boolean treeHeadSignatureValid(LedgerSigner signer, TreeHead head) {
        if (head == null || head.signature() == null || !signer.keyId().equals(head.keyId())
                || !signer.algorithm().equals(head.algorithm())) {
            return false;
        }
        try {
            return signer.verify(head.signingInput(), Base64.getDecoder().decode(head.signature()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The id of the key that seals (and can check) checkpoints. */
    public String keyId() {
        return signer.keyId();
    }

    /** Whether the checkpoint's signature is valid under the center's key. */
    public boolean signatureValid(Checkpoint checkpoint) {
        return signatureValid(signer, checkpoint);
    }

    /** Whether the checkpoint's signature is valid under the given key. */
    public static boolean signatureValid(LedgerSigner signer, Checkpoint checkpoint) {
        if (checkpoint.signature() == null || checkpoint.sealedAt() == null || checkpoint.headHash() == null) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(checkpoint.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] data = LedgerHashes.checkpointSigningInput(checkpoint.seq(), checkpoint.headHash(), checkpoint.sealedAt());
        return signer.verify(data, signature);
    }
}
