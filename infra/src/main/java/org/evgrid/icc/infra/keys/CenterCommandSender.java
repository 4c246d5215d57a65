package org.evgrid.icc.infra.keys;

import java.time.Clock;
import java.util.function.Supplier;

import org.evgrid.icc.coreapi.security.CenterCommands;
import org.evgrid.icc.ledger.signing.EnvelopeSigner;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.evgrid.icc.ui.command.CommandEnvelopeRequest;
import org.evgrid.icc.ui.command.SignedCommandService;
import org.springframework.stereotype.Component;

/**
 * Signs the center's own commands with its service key and sends them through the same verified path as every
 * other envelope (signature, role {@code CENTER_SERVICE}, nonce), so they are stored and chained like a person's.
 */
@Component
public class CenterCommandSender implements CenterCommands {

    static final String CLIENT = "center";

    private final SignedCommandService commands;
    private final CenterKey key;
    private final Clock clock;
    private final EnvelopeSigner signer = new EnvelopeSigner();
    private final Supplier<String> nonces = EnvelopeSigner.randomNonces();

    public CenterCommandSender(SignedCommandService commands, CenterKey key, Clock clock) {
        this.commands = commands;
        this.key = key;
        this.clock = clock;
    }

    @Override
    public Object send(Object command) {
        SignedEnvelope e = signer.sign(command, key.keyId(), key.privateKey(), clock, nonces);
        return commands.send(new CommandEnvelopeRequest(e.commandType(), e.payload(), e.keyId(), e.algorithm(), e.timestamp(), e.nonce(),
                e.signature()), CLIENT).result();
    }
}
