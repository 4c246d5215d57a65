package org.evgrid.icc.coreapi.security;

/**
 * Sends a command on the center's own behalf: it is wrapped in an envelope signed with the center's service key (role
 * {@link Role#CENTER_SERVICE}) and goes through the same verification as any other signed command, so its events carry
 * the center as signer and land in the ledger like every other step. Used by scheduled work (forecasts, gate closure,
 * saga steps), never for a person's decision.
 */
public interface CenterCommands {

    /**
     * Signs and sends the command and waits for its result.
     *
     * @param command a record listed in {@link CommandTypes} whose {@link SignedBy} admits {@link Role#CENTER_SERVICE}
     * @return the handler's result
     * @throws org.evgrid.icc.coreapi.common.IccException when the command is refused
     */
    Object send(Object command);
}
