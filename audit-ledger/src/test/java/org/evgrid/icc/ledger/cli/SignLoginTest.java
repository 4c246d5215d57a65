package org.evgrid.icc.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.coreapi.security.LoginChallenge;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.ledger.signing.Crypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icc sign-login} signs a sign-in challenge for one user with the key's own algorithm. */
class SignLoginTest {

    @TempDir
    Path dir;

    @Test
    void printsTheSignInBodyWhoseSignatureVerifiesForThatUserOnly() throws Exception {
        KeyPair pair = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
        Path key = dir.resolve("me.pem");
        Files.writeString(key, Crypto.toPem(pair.getPrivate()));
        StringWriter out = new StringWriter();
        var commandLine = IccCli.commandLine(new IccCli());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));

        int code = commandLine.execute("sign-login", "--key", key.toString(), "--key-id", "key-wang", "--user", "wang",
                "--challenge", "1772441000.abc.def");

        assertThat(code).isZero();
        JsonNode body = new ObjectMapper().readTree(out.toString());
        assertThat(body.path("keyId").asText()).isEqualTo("key-wang");
        assertThat(body.path("challenge").asText()).isEqualTo("1772441000.abc.def");
        byte[] signature = Base64.getDecoder().decode(body.path("signature").asText());
        assertThat(Crypto.verify(SignatureAlgorithm.SM2_SM3, pair.getPublic(), LoginChallenge.signingInput("wang", "1772441000.abc.def"),
                signature)).isTrue();
        assertThat(Crypto.verify(SignatureAlgorithm.SM2_SM3, pair.getPublic(), LoginChallenge.signingInput("li", "1772441000.abc.def"),
                signature)).as("bound to the user").isFalse();
    }
}
