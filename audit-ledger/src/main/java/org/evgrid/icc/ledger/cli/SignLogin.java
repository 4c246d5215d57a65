package org.evgrid.icc.ledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.evgrid.icc.coreapi.security.LoginChallenge;
import org.evgrid.icc.ledger.signing.Crypto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Signs a console sign-in challenge with the user's key and prints the body of {@code POST /api/v1/sessions}:
 * {@code {"keyId", "challenge", "signature"}} (the cryptographic second factor).
 */
@Command(name = "sign-login",
        description = "Signs a sign-in challenge (POST /api/v1/sessions/challenges) with your key; prints the body for POST /api/v1/sessions.")
class SignLogin implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    IccCli cli;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "your private key, PKCS#8 PEM")
    Path key;

    @Option(names = "--key-id", required = true, paramLabel = "ID", description = "the key's registered id")
    String keyId;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "your user id")
    String user;

    @Option(names = "--challenge", required = true, paramLabel = "TEXT", description = "the challenge the center issued")
    String challenge;

    @Override
    public Integer call() throws IOException {
        PrivateKey privateKey = cli.readKey(key);
        byte[] signature = Crypto.sign(Crypto.algorithmOf(privateKey), privateKey, LoginChallenge.signingInput(user, challenge));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("keyId", keyId);
        body.put("challenge", challenge);
        body.put("signature", Base64.getEncoder().encodeToString(signature));
        PrintWriter out = spec.commandLine().getOut();
        out.println(cli.mapper().writeValueAsString(body));
        out.flush();
        return 0;
    }
}
