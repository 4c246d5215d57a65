package org.evgrid.icc.ui.command;

import java.time.Instant;

/**
 * The center's acknowledgement of an accepted command: it has been verified, its events are stored durably, and they
 * will be chained into the ledger.
 *
 * @param commandType the command's wire name
 * @param result what the handler answered: the identifier of the created or changed object as a string, or a JSON
 *               object for handlers that answer a record (e.g. the receipt of a telemetry batch), or null
 * @param keyId the key that signed it
 * @param nonce the envelope's nonce
 * @param acceptedAt when the center accepted it
 */
public record CommandReceipt(String commandType, Object result, String keyId, String nonce, Instant acceptedAt) {
}
