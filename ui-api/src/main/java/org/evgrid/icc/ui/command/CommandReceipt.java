package org.evgrid.icc.ui.command;

import java.time.Instant;

/**
 * The center's acknowledgement of an accepted command: it has been verified, its events are stored durably, and they
 * will be chained into the ledger.
 *
 * @param commandType the command's wire name
 * @param result what the handler answered (usually the identifier of the created or changed object)
 * @param keyId the key that signed it
 * @param nonce the envelope's nonce
 * @param acceptedAt when the center accepted it
 */
public record CommandReceipt(String commandType, String result, String keyId, String nonce, Instant acceptedAt) {
}
