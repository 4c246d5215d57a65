package org.evgrid.icc.ledger.export;

/**
 * The auditor export (JSON Lines, UTF-8), written by the server's
 * {@link org.evgrid.icc.ledger.chain.LedgerExportWriter} and checked offline by {@link ExportVerifier}.
 *
 * <ol>
 *   <li>header: {@code {"type":"header","format":"ICC-LEDGER-EXPORT-1","treeHead":{STH},"range":{"from","to",
 *       "since","until","aggregateId"},"consistency":{"first","second","proof":[hex…]}}} (consistency only when a
 *       trusted tree size was asked for);</li>
 *   <li>one line per entry: {@code {"type":"entry","leafIndex","globalIndex","eventId","eventType","aggregateType",
 *       "aggregateId","aggregateSeq","timestamp","payload","metadata","payloadDigest","envelopeDigest","previousHash",
 *       "hash","envelope":{"signed","signature"}|null,"inclusionProof":[hex…]}}; {@code payload} is the event's
 *       canonical JSON (its SM3 is the payload digest), {@code envelope.signed} the exact signed text of the command;</li>
 *   <li>trailer: {@code {"type":"trailer","entries","withEnvelope","firstLeafIndex","lastLeafIndex"}}.</li>
 * </ol>
 */
public final class ExportFormat {

    /** The header's {@code format}. */
    public static final String FORMAT = "ICC-LEDGER-EXPORT-1";
    public static final String HEADER = "header";
    public static final String ENTRY = "entry";
    public static final String TRAILER = "trailer";

    private ExportFormat() {
    }
}
