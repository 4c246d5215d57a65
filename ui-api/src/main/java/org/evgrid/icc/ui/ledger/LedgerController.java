package org.evgrid.icc.ui.ledger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.evgrid.icc.coreapi.ledger.ConsistencyProofView;
import org.evgrid.icc.coreapi.ledger.FindConsistencyProofQuery;
import org.evgrid.icc.coreapi.ledger.FindInclusionProofQuery;
import org.evgrid.icc.coreapi.ledger.FindLatestTreeHeadQuery;
import org.evgrid.icc.coreapi.ledger.FindLedgerCheckpointsQuery;
import org.evgrid.icc.coreapi.ledger.FindLedgerEntriesQuery;
import org.evgrid.icc.coreapi.ledger.LedgerCheckpointList;
import org.evgrid.icc.coreapi.ledger.InclusionProofView;
import org.evgrid.icc.coreapi.ledger.LedgerEntryPage;
import org.evgrid.icc.coreapi.ledger.LedgerExportRequest;
import org.evgrid.icc.coreapi.ledger.LedgerExporter;
import org.evgrid.icc.coreapi.ledger.LedgerVerificationView;
import org.evgrid.icc.coreapi.ledger.TreeHeadView;
import org.evgrid.icc.coreapi.ledger.VerifyLedgerQuery;
import org.evgrid.icc.coreapi.security.FindSignerKeyQuery;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.SignerKeyView;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.ui.query.QueryAsker;
import org.evgrid.icc.ui.security.CurrentViewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit ledger (hash chain over every event) and the key registry, for auditors and regulators. */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit ledger", description = "Hash chain over every stored event, checkpoints, verification, Merkle tree heads and "
        + "proofs, auditor export; signing keys")
public class LedgerController {

    /** How long a whole-ledger verification may take over HTTP (it re-reads every event and envelope; ~90 s per 36,000 telemetry entries). */
    private static final Duration VERIFY_WAIT = Duration.ofMinutes(10);

    /** JSON Lines. */
    public static final String NDJSON = "application/x-ndjson";

    private final QueryAsker asker;
    private final LedgerExporter exporter;

    public LedgerController(QueryAsker asker, LedgerExporter exporter) {
        this.asker = asker;
        this.exporter = exporter;
    }

    @GetMapping("/ledger/tree-heads/latest")
    @Operation(operationId = "latestTreeHead", summary = "The newest signed tree head (Merkle root over the ledger, signed by the center)",
            description = "Tree heads are signed at every checkpoint (every 1,000 entries) and when an export is prepared. Keep one "
                    + "as the trusted head for offline verification (icc-cli verify-export --trusted-head).")
    public TreeHeadView latestTreeHead() {
        return asker.ask(new FindLatestTreeHeadQuery(), TreeHeadView.class);
    }

    @GetMapping("/ledger/proofs/inclusion")
    @Operation(operationId = "ledgerInclusionProof", summary = "Inclusion proof (RFC 9162 §2.1.3) of one entry in the tree of treeSize entries",
            description = "index = the entry's position (seq); the audit path is verified with the algorithm of RFC 9162 §2.1.3.2, "
                    + "leaf = SM3(0x00 ‖ entry hash), node = SM3(0x01 ‖ left ‖ right).")
    public InclusionProofView inclusionProof(@RequestParam @Min(0) long index, @RequestParam @Min(1) long treeSize) {
        return asker.ask(new FindInclusionProofQuery(index, treeSize), InclusionProofView.class);
    }

    @GetMapping("/ledger/proofs/consistency")
    @Operation(operationId = "ledgerConsistencyProof", summary = "Consistency proof (RFC 9162 §2.1.4) between two tree sizes",
            description = "Proves that the tree of `second` entries extends the tree of `first` entries (nothing rewritten or removed).")
    public ConsistencyProofView consistencyProof(@RequestParam @Min(1) long first, @RequestParam @Min(1) long second) {
        return asker.ask(new FindConsistencyProofQuery(first, second), ConsistencyProofView.class);
    }

    @GetMapping(path = "/ledger/export", produces = NDJSON)
    @Operation(operationId = "exportLedger", summary = "Auditor export (JSON Lines, streamed): entries with events, signed envelopes and proofs",
            description = "Auditors and regulators only. A header line with the signed tree head, one line per entry (event, signed "
                    + "command envelope, chain hash, leaf index, inclusion proof against the header's tree head), a trailer with counts. "
                    + "Range by position (from, to), optionally narrowed by event time [since, until) and aggregate id. With "
                    + "trustedTreeSize, the header carries the consistency proof from that size. Verify offline with "
                    + "`icc-cli verify-export`.")
    public void export(@RequestParam(required = false) @Min(0) Long from, @RequestParam(required = false) @Min(0) Long to,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until,
                       @RequestParam(required = false) String aggregateId,
                       @RequestParam(required = false) @Min(1) Long trustedTreeSize,
                       HttpServletResponse response) throws IOException {
        LedgerExporter.Prepared prepared = exporter.prepare(new LedgerExportRequest(from, to, since, until, aggregateId, trustedTreeSize));
        response.setContentType(NDJSON + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"ledger-export-" + prepared.treeHead().treeSize() + ".jsonl\"");
        prepared.writeTo(response.getOutputStream());
    }

    @GetMapping("/ledger/entries")
    @Operation(operationId = "listLedgerEntries", summary = "Chain entries from a sequence number on")
    public LedgerEntryPage entries(@RequestParam(defaultValue = "0") @Min(0) long from,
                                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return asker.ask(new FindLedgerEntriesQuery(from, limit), LedgerEntryPage.class);
    }

    @GetMapping("/ledger/checkpoints")
    @Operation(operationId = "listLedgerCheckpoints", summary = "The newest checkpoints (signed chain heads), newest first")
    public LedgerCheckpointList checkpoints(@RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit) {
        return asker.ask(new FindLedgerCheckpointsQuery(limit), LedgerCheckpointList.class);
    }

    @GetMapping("/ledger/verify")
    @Operation(operationId = "verifyLedger", summary = "Verify the chain over a range against the event store",
            description = "Recomputes every link and every event's payload digest from the event store, checks the checkpoints' "
                    + "signatures, and reports the first broken link.")
    public LedgerVerificationView verify(@RequestParam(defaultValue = "0") @Min(0) long from,
                                         @RequestParam(defaultValue = "" + Long.MAX_VALUE) @Min(0) long to) {
        return asker.ask(new VerifyLedgerQuery(from, to), LedgerVerificationView.class, VERIFY_WAIT);
    }

    @GetMapping("/keys/{keyId}")
    @Operation(operationId = "getSigningKey", summary = "A registered signing key (public part, roles, status)")
    public SignerKeyView key(@PathVariable String keyId) {
        return asker.ask(new FindSignerKeyQuery(new KeyId(keyId)), SignerKeyView.class);
    }

    @GetMapping("/me")
    @Operation(operationId = "whoAmI", summary = "Who the caller is: principal, roles, operator and data scope")
    public Viewer me() {
        return CurrentViewer.get();
    }
}
