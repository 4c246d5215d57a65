package org.evgrid.icc.ui.auditlog;

import java.time.Instant;

import org.evgrid.icc.ui.command.CommandEnvelopeRequest;

/**
 * One signed command as it reached {@code POST /api/v1/commands} and how it ended.
 *
 * @param at when the center answered (its clock)
 * @param request the envelope as received
 * @param remoteAddress the client's address
 * @param target the command's target (its aggregate identifier) when the payload names it, else null
 * @param accepted whether the command was accepted
 * @param problemCode the refusal's stable code (null when accepted)
 * @param reason the refusal's English message (null when accepted)
 */
public record CommandAttempt(Instant at, CommandEnvelopeRequest request, String remoteAddress, String target, boolean accepted,
                             String problemCode, String reason) {
}
