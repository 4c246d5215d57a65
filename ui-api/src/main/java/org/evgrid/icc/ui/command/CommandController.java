package org.evgrid.icc.ui.command;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.evgrid.icc.ui.auditlog.AuditTrail;
import org.evgrid.icc.ui.auditlog.CommandAttempt;
import org.evgrid.icc.ui.auditlog.OperationAuditFilter;
import org.evgrid.icc.ui.auditlog.CommandTargets;
import org.evgrid.icc.ui.problem.ProblemAdvice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one entry for state changes: signed commands (DESIGN §5). Every command that reaches it, accepted or refused,
 * is written to the audit log of business operations ({@link AuditTrail}) with the client's address and the outcome.
 */
@RestController
@RequestMapping(path = "/api/v1/commands", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands", description = "Signed commands: every state change of the center")
public class CommandController {

    private final SignedCommandService service;
    private final ObjectProvider<AuditTrail> auditTrail;
    private final Clock clock;

    public CommandController(SignedCommandService service, ObjectProvider<AuditTrail> auditTrail, Clock clock) {
        this.service = service;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Verifies and executes one signed command. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "sendCommand", summary = "Send a signed command",
            description = "Verifies the signature against the signer's registered key, the signer's role for the command type, "
                    + "the timestamp window and the nonce, then executes the command. A refused command leaves no event. "
                    + "See `x-icc-commands` in this document for every command type, its payload schema and the roles that may sign it.")
    @ApiResponse(responseCode = "200", description = "Accepted: the events are stored")
    @ApiResponse(responseCode = "400", description = "Malformed envelope or command fields (problem detail names the field)")
    @ApiResponse(responseCode = "401", description = "Unknown or revoked key, bad signature, algorithm mismatch, stale timestamp")
    @ApiResponse(responseCode = "403", description = "The key's role may not sign this command, or not for this operator")
    @ApiResponse(responseCode = "404", description = "The object the command addresses does not exist")
    @ApiResponse(responseCode = "409", description = "Replayed nonce, or conflict with the current state")
    @ApiResponse(responseCode = "422", description = "A business rule refuses the command (batch refusals list every item)")
    public CommandReceipt send(@Valid @RequestBody CommandEnvelopeRequest request, HttpServletRequest http) {
        String address = http.getRemoteAddr();
        http.setAttribute(OperationAuditFilter.AUDITED, Boolean.TRUE); // recorded below with the envelope, accepted or refused
        String target = CommandTargets.of(request.commandType(), request.payload());
        CommandReceipt receipt;
        try {
            receipt = service.send(request, address);
        } catch (RuntimeException e) {
            ProblemDetail problem = ProblemAdvice.toProblem(e);
            Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
            Object reason = problem.getProperties() == null ? null : problem.getProperties().get("messageEn");
            audit(new CommandAttempt(clock.instant(), request, address, target, false, code == null ? null : code.toString(),
                    reason == null ? problem.getTitle() : reason.toString()));
            throw e;
        }
        audit(new CommandAttempt(clock.instant(), request, address, target, true, null, null));
        return receipt;
    }

    private void audit(CommandAttempt attempt) {
        AuditTrail trail = auditTrail.getIfAvailable();
        if (trail != null) {
            trail.record(attempt);
        }
    }
}
