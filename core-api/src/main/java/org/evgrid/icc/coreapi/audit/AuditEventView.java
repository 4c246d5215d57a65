package org.evgrid.icc.coreapi.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event as an auditor sees it: its type and payload, its place in its stream and in the global order
 * ({@code globalPosition} is null when the store cannot tell it), who signed the command that produced it and the
 * signed command envelope as the ledger kept it ({@code envelope}: the exact signed JSON text, and its base64 signature; null if none was kept).
 */
public record AuditEventView(
        String eventId,
        String streamId,
        String aggregateType,
        long sequence,
        Long globalPosition,
        Instant timestamp,
        String payloadType,
        Object payload,
        String signer,
        String keyId,
        String algorithm,
        String envelopeDigest,
        String envelope,
        String envelopeSignature,
        Map<String, String> metadata) {
}
