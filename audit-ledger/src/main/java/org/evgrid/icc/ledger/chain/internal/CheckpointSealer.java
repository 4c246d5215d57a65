package org.evgrid.icc.ledger.chain.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.evgrid.icc.ledger.chain.LedgerHashes;
import org.evgrid.icc.ledger.chain.LedgerSigner;

/** Seals and checks checkpoints with the center's key. */
public final class CheckpointSealer {

    private final LedgerSigner signer;
    private final Clock clock;

    public CheckpointSealer(LedgerSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** A checkpoint of the chain up to and including {@code seq}, whose entry hash is {@code headHash}. */
    public Checkpoint seal(long seq, String headHash) {
        Instant sealedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] signature = signer.sign(LedgerHashes.checkpointSigningInput(seq, headHash, sealedAt));
        return new Checkpoint(seq, headHash, seq + 1, sealedAt, signer.keyId(), signer.algorithm(),
                Base64.getEncoder().encodeToString(signature));
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
