package org.evgrid.icc.ui.telemetry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.evgrid.icc.coreapi.telemetry.FindTelemetryBatchQuery;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchId;
import org.evgrid.icc.coreapi.telemetry.TelemetryReceipt;
import org.evgrid.icc.ui.query.QueryAsker;
import org.evgrid.icc.ui.security.CurrentViewer;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Receipts of telemetry batches: what the center accepted and rejected of a batch, and its Merkle root. */
@RestController
@RequestMapping(path = "/api/v1/telemetry/batches", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Telemetry", description = "Operator-platform telemetry batches (R-4.2.1)")
public class TelemetryBatchController {

    private final QueryAsker asker;

    public TelemetryBatchController(QueryAsker asker) {
        this.asker = asker;
    }

    @GetMapping("/{batchId}")
    @Operation(operationId = "getTelemetryBatch", summary = "The receipt of one telemetry batch",
            description = "Submitted and accepted counts, every rejected item with its reason, the readings document id and the SM3 "
                    + "Merkle root of the accepted items (recomputable from the readings document). Operator platforms see their own "
                    + "operator's batches only; archive managers, dispatchers, regulators, auditors and traders see all. Batch ids are "
                    + "the platform's idempotency keys: a batch sent again under the same id answers this same receipt marked duplicate.")
    @ApiResponse(responseCode = "200", description = "The receipt")
    @ApiResponse(responseCode = "403", description = "The caller's role may not see telemetry batches")
    @ApiResponse(responseCode = "404", description = "No batch of this id (or not the caller's operator's)")
    public TelemetryReceipt batch(@PathVariable String batchId) {
        return asker.ask(new FindTelemetryBatchQuery(CurrentViewer.get(), new TelemetryBatchId(batchId)), TelemetryReceipt.class);
    }
}
