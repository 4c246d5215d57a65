package org.evgrid.icc.ui.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.evgrid.icc.coreapi.ledger.FindLedgerCheckpointsQuery;
import org.evgrid.icc.coreapi.ledger.FindLedgerEntriesQuery;
import org.evgrid.icc.coreapi.ledger.LedgerCheckpointList;
import org.evgrid.icc.coreapi.ledger.LedgerEntryPage;
import org.evgrid.icc.coreapi.ledger.LedgerVerificationView;
import org.evgrid.icc.coreapi.ledger.VerifyLedgerQuery;
import org.evgrid.icc.coreapi.security.FindSignerKeyQuery;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.SignerKeyView;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.ui.query.QueryAsker;
import org.evgrid.icc.ui.security.CurrentViewer;
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
@Tag(name = "Audit ledger", description = "Hash chain over every stored event, checkpoints, verification; signing keys")
public class LedgerController {

    private final QueryAsker asker;

    public LedgerController(QueryAsker asker) {
        this.asker = asker;
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
        return asker.ask(new VerifyLedgerQuery(from, to), LedgerVerificationView.class);
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
