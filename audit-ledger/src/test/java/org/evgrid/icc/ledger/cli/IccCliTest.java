package org.evgrid.icc.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.ledger.json.IccJson;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.Envelopes;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.evgrid.icc.ledger.signing.SignedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IccCliTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);
    private static final String PAYLOAD = """
            {"operatorId":"OP-1","name":"绿能充电","creditCode":"91320000MA1XXXXX0X",
             "contact":{"name":"Li Lei","phone":"13800000000","email":"li@example.com"},"shareRatio":0.850,"platformKeys":[]}
            """;

    @TempDir
    Path dir;

    private final ObjectMapper mapper = IccJson.newMapper();
    private final AtomicInteger nonces = new AtomicInteger();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer server;
    private PublicKey serverTrusts;
    private final AtomicReference<String> seenPath = new AtomicReference<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/commands", this::acceptCommand);
        server.createContext("/api/v1/piles", this::answerRead);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Accepts a POSTed envelope if its signature verifies with the trusted key. */
    private void acceptCommand(HttpExchange exchange) throws IOException {
        boolean ok;
        try (InputStream body = exchange.getRequestBody()) {
            SignedEnvelope envelope = Envelopes.parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            ok = "POST".equals(exchange.getRequestMethod())
                    && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                    && Crypto.verify(envelope.algorithm(), serverTrusts, Envelopes.signingInput(envelope),
                    Base64.getDecoder().decode(envelope.signature()))
                    && Envelopes.command(envelope) instanceof RegisterOperatorCommand c && c.operatorId().equals(new OperatorId("OP-1"));
        } catch (RuntimeException e) {
            ok = false;
        }
        respond(exchange, ok ? 202 : 401, ok ? "{\"status\":\"accepted\"}" : "{\"code\":\"ICC-SIG-INVALID\"}");
    }

    /** Answers a GET if its signature headers verify for the exact path and query. */
    private void answerRead(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        seenPath.set(pathAndQuery);
        var headers = exchange.getRequestHeaders();
        SignedRequest request = new SignedRequest(exchange.getRequestMethod(), pathAndQuery, headers.getFirst(SignedRequest.KEY_ID_HEADER),
                headers.getFirst(SignedRequest.TIMESTAMP_HEADER), headers.getFirst(SignedRequest.NONCE_HEADER),
                headers.getFirst(SignedRequest.SIGNATURE_HEADER));
        boolean ok = request.signature() != null && request.verifies(Crypto.algorithmOf(serverTrusts), serverTrusts);
        respond(exchange, ok ? 200 : 401, ok ? "{\"pileId\":\"P-1\"}" : "{\"code\":\"ICC-SIG-INVALID\"}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }

    private int run(String stdin, String... args) {
        IccCli cli = new IccCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), CLOCK,
                () -> "cli-test-nonce-%04d".formatted(nonces.incrementAndGet()));
        var commandLine = IccCli.commandLine(cli);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path keygen(SignatureAlgorithm algorithm, String name) {
        String prefix = dir.resolve(name).toString();
        assertThat(run("", "keygen", "--alg", algorithm.name(), "--out", prefix)).isZero();
        return Path.of(prefix + ".pem");
    }

    private Path payloadFile() throws IOException {
        Path file = dir.resolve("payload.json");
        Files.writeString(file, PAYLOAD);
        return file;
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void keygenWritesAPrivateAndAPublicKeyAndPrintsThePublicOne(SignatureAlgorithm algorithm) throws IOException {
        Path privateKey = keygen(algorithm, "k-" + algorithm);

        Path publicKey = dir.resolve("k-" + algorithm + ".pub.pem");
        assertThat(out.toString()).isEqualTo(Files.readString(publicKey));
        assertThat(Crypto.algorithmOf(Crypto.parsePublicKey(Files.readString(publicKey)))).isEqualTo(algorithm);
        assertThat(Crypto.algorithmOf(Crypto.readPrivateKey(Files.readString(privateKey)))).isEqualTo(algorithm);
        assertThat(Files.getPosixFilePermissions(privateKey)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void keygenRefusesToOverwriteAKey() {
        keygen(SignatureAlgorithm.ED25519, "twice");

        assertThat(run("", "keygen", "--alg", "ED25519", "--out", dir.resolve("twice").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("exists");
    }

    @Test
    void signPrintsAnEnvelopeThatVerifiesWithTheKeysAlgorithm() throws IOException {
        Path key = keygen(SignatureAlgorithm.SM2_SM3, "op1");
        PublicKey publicKey = Crypto.parsePublicKey(Files.readString(dir.resolve("op1.pub.pem")));
        out.getBuffer().setLength(0);

        int exit = run("", "sign", "--key", key.toString(), "--key-id", "op1-k1", "--type", "RegisterOperator",
                "--payload", payloadFile().toString());

        assertThat(exit).isZero();
        SignedEnvelope envelope = Envelopes.parse(out.toString());
        assertThat(envelope.algorithm()).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(envelope.keyId()).isEqualTo("op1-k1");
        assertThat(envelope.timestamp()).isEqualTo("2025-03-01T08:00:00Z");
        assertThat(envelope.nonce()).isEqualTo("cli-test-nonce-0001");
        assertThat(Crypto.verify(SignatureAlgorithm.SM2_SM3, publicKey, Envelopes.signingInput(envelope),
                Base64.getDecoder().decode(envelope.signature()))).isTrue();
        assertThat(envelope.payload()).isEqualTo(mapper.readTree(PAYLOAD));
    }

    @Test
    void signReadsThePayloadFromStandardInput() throws IOException {
        Path key = keygen(SignatureAlgorithm.ED25519, "op1");
        out.getBuffer().setLength(0);

        assertThat(run(PAYLOAD, "sign", "--key", key.toString(), "--key-id", "op1-k1", "--type", "RegisterOperator", "--payload", "-"))
                .isZero();
        assertThat(Envelopes.command(Envelopes.parse(out.toString()))).isInstanceOf(RegisterOperatorCommand.class);
    }

    @Test
    void signFillsPlaceholdersFromValuesAndFiles() throws IOException {
        Path key = keygen(SignatureAlgorithm.ED25519, "op1");
        Path pem = dir.resolve("op1.pub.pem");
        out.getBuffer().setLength(0);
        String template = "{\"keyId\":\"${id}\",\"algorithm\":\"ED25519\",\"publicKey\":\"${pub}\",\"ownerId\":\"o\","
                + "\"roles\":[\"ARCHIVE_MANAGER\"],\"operatorId\":null,\"scope\":null}";

        assertThat(run(template, "sign", "--key", key.toString(), "--key-id", "k", "--type", "RegisterSignerKey", "--payload", "-",
                "--set", "id=key-new", "--set", "pub=@" + pem)).isZero();
        SignedEnvelope envelope = Envelopes.parse(out.toString());
        assertThat(envelope.payload().get("keyId").asText()).isEqualTo("key-new");
        assertThat(envelope.payload().get("publicKey").asText()).isEqualTo(Files.readString(pem));
    }

    @Test
    void signRefusesAnUnknownTypeAndAPayloadThatIsNotTheCommand() throws IOException {
        Path key = keygen(SignatureAlgorithm.ED25519, "op1");

        assertThat(run(PAYLOAD, "sign", "--key", key.toString(), "--key-id", "k", "--type", "LaunchRocket", "--payload", "-"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("unknown command type 'LaunchRocket'");
        assertThat(run("{\"operatorId\":\"OP-1\",\"colour\":\"red\"}", "sign", "--key", key.toString(), "--key-id", "k",
                "--type", "RegisterOperator", "--payload", "-")).isEqualTo(1);
        assertThat(err.toString()).contains("ICC-SIG-PAYLOAD");
    }

    @Test
    void sendPostsTheSignedEnvelopeAndSucceedsOnA2xx() throws IOException {
        Path key = keygen(SignatureAlgorithm.ECDSA_P256, "op1");
        serverTrusts = Crypto.parsePublicKey(Files.readString(dir.resolve("op1.pub.pem")));
        out.getBuffer().setLength(0);

        int exit = run("", "send", "--url", url() + "/", "--key", key.toString(), "--key-id", "op1-k1", "--type", "RegisterOperator",
                "--payload", payloadFile().toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("HTTP 202").contains("{\"status\":\"accepted\"}");
    }

    @Test
    void sendFailsWhenTheCenterRefuses() throws IOException {
        Path key = keygen(SignatureAlgorithm.SM2_SM3, "op1");
        serverTrusts = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3).getPublic();
        out.getBuffer().setLength(0);

        int exit = run("", "send", "--url", url(), "--key", key.toString(), "--key-id", "op1-k1", "--type", "RegisterOperator",
                "--payload", payloadFile().toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).startsWith("HTTP 401").contains("ICC-SIG-INVALID");
    }

    @Test
    void getSignsThePathWithItsQueryAndPrintsTheAnswer() {
        Path key = keygen(SignatureAlgorithm.SM2_SM3, "op1");
        serverTrusts = Crypto.parsePublicKey(readUnchecked(dir.resolve("op1.pub.pem")));
        out.getBuffer().setLength(0);

        int exit = run("", "get", "--url", url(), "--key", key.toString(), "--key-id", "op1-k1", "/api/v1/piles/P-1?view=full&x=%20y");

        assertThat(exit).isZero();
        assertThat(seenPath.get()).isEqualTo("/api/v1/piles/P-1?view=full&x=%20y");
        assertThat(out.toString().trim()).isEqualTo("{\"pileId\":\"P-1\"}");
    }

    @Test
    void getFailsWhenTheSignatureIsRefused() {
        Path key = keygen(SignatureAlgorithm.ED25519, "op1");
        serverTrusts = Crypto.generateKeyPair(SignatureAlgorithm.ED25519).getPublic();

        assertThat(run("", "get", "--url", url(), "--key", key.toString(), "--key-id", "op1-k1", "/api/v1/piles/P-1")).isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 401");
    }

    @Test
    void unreachableCenterIsReportedAsAnError() throws IOException {
        Path key = keygen(SignatureAlgorithm.ED25519, "op1");
        server.stop(0);

        assertThat(run("", "send", "--url", url(), "--key", key.toString(), "--key-id", "op1-k1", "--type", "RegisterOperator",
                "--payload", payloadFile().toString())).isEqualTo(1);
        assertThat(err.toString()).contains("error: cannot reach");
    }

    @Test
    void hashPasswordPrintsABcryptHashOfTheFirstLine() {
        assertThat(run("correct horse battery\nignored\n", "hash-password")).isZero();

        String hash = out.toString().trim();
        assertThat(hash).startsWith("$2a$10$");
        assertThat(Crypto.bcryptMatches(hash, "correct horse battery".toCharArray())).isTrue();
    }

    @Test
    void hashPasswordRefusesAnEmptyInput() {
        assertThat(run("", "hash-password")).isEqualTo(1);
        assertThat(err.toString()).contains("no password");
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertThat(run("", "keygen", "--alg", "RSA", "--out", "x")).isEqualTo(2);
        assertThat(run("", "sign")).isEqualTo(2);
    }

    private static String readUnchecked(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
