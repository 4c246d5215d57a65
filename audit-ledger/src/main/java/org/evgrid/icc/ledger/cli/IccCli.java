package org.evgrid.icc.ledger.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.CommandTypes;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.ledger.export.ExportVerifier;
import org.evgrid.icc.ledger.json.IccJson;
import org.evgrid.icc.ledger.merkle.TreeHead;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.EnvelopeSigner;
import org.evgrid.icc.ledger.signing.Envelopes;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.evgrid.icc.ledger.signing.SignedRequest;
import org.evgrid.icc.ledger.tls.TrustedCertificates;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The partner command line: key generation, signing, sending signed commands, signed reads and password hashing.
 * {@code verify-export} checks an auditor export offline. Run {@code java -jar icc-cli.jar --help}. Exit codes: 0 success
 * (HTTP 2xx; export verified), 1 failure (or HTTP status not 2xx; export not verified), 2 wrong usage.
 */
@Command(name = "icc", mixinStandardHelpOptions = true, version = "icc-cli 0.1",
        description = "Signs commands for the EV-grid integration management center and sends them.",
        subcommands = {IccCli.Keygen.class, IccCli.Sign.class, IccCli.Send.class, IccCli.Get.class, IccCli.HashPassword.class,
            IccCli.VerifyExport.class, SignLogin.class})
public final class IccCli implements Runnable {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);

    private final InputStream stdin;
    private final Clock clock;
    private final Supplier<String> nonces;
    private final ObjectMapper mapper = IccJson.newMapper();

    @Spec
    private CommandSpec spec;

    /** The CLI on the process's standard input, the system clock and random nonces. */
    public IccCli() {
        this(System.in, Clock.systemUTC(), EnvelopeSigner.randomNonces());
    }

    /** The CLI with its inputs given (for tests and embedding). */
    public IccCli(InputStream stdin, Clock clock, Supplier<String> nonces) {
        this.stdin = stdin;
        this.clock = clock;
        this.nonces = nonces;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new IccCli()).execute(args));
    }

    /** A picocli command line for a CLI instance, with failures printed as one line on the error stream (exit code 1). */
    public static CommandLine commandLine(IccCli cli) {
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            String message = ex instanceof IccException ice ? ice.code() + " " + ice.messageEn() + " (" + ice.fix() + ")"
                    : ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            cl.getErr().println("error: " + message);
            cl.getErr().flush();
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    ObjectMapper mapper() {
        return mapper;
    }

    PrivateKey readKey(Path file) throws IOException {
        return Crypto.readPrivateKey(Files.readString(file, StandardCharsets.US_ASCII));
    }

    JsonNode readPayload(String source) throws IOException {
        return readPayload(source, java.util.Map.of());
    }

    /**
     * Reads the payload and fills its placeholders: every {@code ${NAME}} inside a JSON string becomes the value
     * given with {@code --set NAME=VALUE} ({@code --set NAME=@FILE} takes the file's text, e.g. a public key PEM).
     */
    JsonNode readPayload(String source, java.util.Map<String, String> placeholders) throws IOException {
        String text = "-".equals(source) ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        for (java.util.Map.Entry<String, String> p : placeholders.entrySet()) {
            String value = p.getValue().startsWith("@") ? Files.readString(Path.of(p.getValue().substring(1)), StandardCharsets.UTF_8)
                    : p.getValue();
            String quoted = mapper.writeValueAsString(value);
            text = text.replace("${" + p.getKey() + "}", quoted.substring(1, quoted.length() - 1));
        }
        JsonNode node = mapper.readTree(text);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the payload must be one JSON object");
        }
        return node;
    }

    SignedEnvelope signEnvelope(SigningOptions options) throws IOException {
        if (CommandTypes.byName(options.type).isEmpty()) {
            throw new IllegalArgumentException("unknown command type '" + options.type + "'; known types: "
                    + String.join(", ", CommandTypes.all().keySet()));
        }
        PrivateKey key = readKey(options.key);
        SignedEnvelope envelope = new EnvelopeSigner(mapper).sign(options.type, readPayload(options.payload, options.placeholders),
                options.keyId,
                Crypto.algorithmOf(key), key, clock, nonces);
        Envelopes.command(envelope);
        return envelope;
    }

    /**
     * The HTTP client: with {@code cacert} (a PEM file) it trusts exactly the certificates in that file (the center's
     * self-signed certificate, {@code data/tls/center-tls-cert.pem}, or the CA that issued the center's), like
     * {@code curl --cacert}; without it, the system's trust store. Host names are always verified.
     */
    static HttpClient httpClient(Path cacert) throws IOException {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER);
        if (cacert != null) {
            builder.sslContext(TrustedCertificates.sslContext(cacert));
        }
        return builder.build();
    }

    static HttpResponse<String> exchange(HttpRequest request, Path cacert) throws IOException, InterruptedException {
        HttpClient client = httpClient(cacert);
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException("cannot reach " + request.uri() + ": " + reason, e);
        }
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Options shared by {@code sign} and {@code send}. */
    static class SigningOptions {
        @Option(names = "--key", required = true, paramLabel = "FILE", description = "private key, PKCS#8 PEM")
        Path key;

        @Option(names = "--key-id", required = true, paramLabel = "ID", description = "the key's registered id")
        String keyId;

        @Option(names = "--type", required = true, paramLabel = "TYPE", description = "command type, e.g. RegisterOperator")
        String type;

        @Option(names = "--payload", required = true, paramLabel = "FILE|-", description = "the command as JSON; - reads standard input")
        String payload;

        @Option(names = "--set", paramLabel = "NAME=VALUE", description = "fills ${NAME} in the payload; @FILE takes a file's text")
        java.util.Map<String, String> placeholders = new java.util.LinkedHashMap<>();
    }

    /** Generates a key pair. */
    @Command(name = "keygen", description = "Generates a key pair: <prefix>.pem (private, PKCS#8) and <prefix>.pub.pem (public).")
    static class Keygen implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--alg", required = true, description = "SM2_SM3, ED25519 or ECDSA_P256")
        SignatureAlgorithm algorithm;

        @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "path prefix of the key files")
        String prefix;

        @Override
        public Integer call() throws IOException {
            Path privateFile = Path.of(prefix + ".pem");
            Path publicFile = Path.of(prefix + ".pub.pem");
            for (Path p : new Path[] {privateFile, publicFile}) {
                if (Files.exists(p)) {
                    throw new FileAlreadyExistsException(p + " exists; choose another --out prefix");
                }
            }
            KeyPair pair = Crypto.generateKeyPair(algorithm);
            Files.writeString(privateFile, Crypto.toPem(pair.getPrivate()), StandardCharsets.US_ASCII);
            restrict(privateFile);
            String publicPem = Crypto.toPem(pair.getPublic());
            Files.writeString(publicFile, publicPem, StandardCharsets.US_ASCII);
            PrintWriter out = spec.commandLine().getOut();
            out.print(publicPem);
            out.flush();
            return 0;
        }

        private static void restrict(Path file) throws IOException {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: owner-only as far as java.io allows
                File f = file.toFile();
                boolean restricted = f.setReadable(false, false) && f.setReadable(true, true)
                        && f.setWritable(false, false) && f.setWritable(true, true);
                if (!restricted) {
                    throw new IOException("cannot restrict access to " + file + "; protect it by hand", e);
                }
            }
        }
    }

    /** Signs a command and prints the envelope. */
    @Command(name = "sign", description = "Signs a command and prints the signed envelope (JSON). The algorithm is the key's.")
    static class Sign implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        IccCli cli;

        @CommandLine.Mixin
        SigningOptions options = new SigningOptions();

        @Override
        public Integer call() throws IOException {
            SignedEnvelope envelope = cli.signEnvelope(options);
            PrintWriter out = spec.commandLine().getOut();
            out.println(cli.mapper.writerWithDefaultPrettyPrinter().writeValueAsString(Envelopes.toJson(envelope)));
            out.flush();
            return 0;
        }
    }

    /** Signs a command and posts it to the center. */
    @Command(name = "send", description = "Signs a command and POSTs it to <url>/api/v1/commands; prints the HTTP status and the answer.")
    static class Send implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        IccCli cli;

        @Option(names = "--url", required = true, description = "the center's base URL, e.g. https://localhost:8443")
        String url;

        @Option(names = "--cacert", paramLabel = "PEM",
                description = "trust exactly the certificate(s) in this PEM file instead of the system's trust store, "
                        + "e.g. data/tls/center-tls-cert.pem of a center with its self-signed certificate")
        Path cacert;

        @CommandLine.Mixin
        SigningOptions options = new SigningOptions();

        @Override
        public Integer call() throws IOException, InterruptedException {
            SignedEnvelope envelope = cli.signEnvelope(options);
            HttpRequest request = HttpRequest.newBuilder(URI.create(trimSlash(url) + "/api/v1/commands"))
                    .timeout(HTTP_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofString(Envelopes.toJsonText(envelope), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = exchange(request, cacert);
            PrintWriter out = spec.commandLine().getOut();
            out.println("HTTP " + response.statusCode());
            out.println(response.body());
            out.flush();
            return success(response.statusCode()) ? 0 : 1;
        }
    }

    /** A signed read. */
    @Command(name = "get", description = "Sends a signed GET to <url><path> and prints the answer.")
    static class Get implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        IccCli cli;

        @Option(names = "--url", required = true, description = "the center's base URL, e.g. https://localhost:8443")
        String url;

        @Option(names = "--cacert", paramLabel = "PEM",
                description = "trust exactly the certificate(s) in this PEM file instead of the system's trust store, "
                        + "e.g. data/tls/center-tls-cert.pem of a center with its self-signed certificate")
        Path cacert;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "private key, PKCS#8 PEM")
        Path key;

        @Option(names = "--key-id", required = true, paramLabel = "ID", description = "the key's registered id")
        String keyId;

        @Parameters(index = "0", paramLabel = "PATH", description = "path with query, e.g. /api/v1/piles/P-1")
        String path;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("the path must start with /");
            }
            URI target = URI.create(trimSlash(url) + path);
            String pathAndQuery = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            PrivateKey privateKey = cli.readKey(key);
            SignedRequest signed = SignedRequest.sign("GET", pathAndQuery, keyId, Crypto.algorithmOf(privateKey), privateKey,
                    cli.clock, cli.nonces);
            HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(HTTP_TIMEOUT).GET()
                    .header("Accept", "application/json, application/problem+json");
            signed.headers().forEach(builder::header);
            HttpResponse<String> response = exchange(builder.build(), cacert);
            PrintWriter out = spec.commandLine().getOut();
            out.println(response.body());
            out.flush();
            if (!success(response.statusCode())) {
                spec.commandLine().getErr().println("HTTP " + response.statusCode());
                spec.commandLine().getErr().flush();
                return 1;
            }
            return 0;
        }
    }

    /** bcrypt of a password read from standard input. */
    @Command(name = "hash-password",
            description = "Reads a password (first line of standard input) and prints its bcrypt hash (2a, cost 10).")
    static class HashPassword implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        IccCli cli;

        @Override
        public Integer call() throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(cli.stdin, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("no password on standard input");
            }
            char[] password = line.toCharArray();
            try {
                PrintWriter out = spec.commandLine().getOut();
                out.println(Crypto.bcrypt(password, new SecureRandom()));
                out.flush();
            } finally {
                Arrays.fill(password, '\0');
            }
            return 0;
        }
    }

    /** Checks an auditor export offline. */
    @Command(name = "verify-export",
            description = "Checks an auditor export (JSON Lines) without the server: tree head signatures and consistency with the "
                    + "trusted head, every command signature, every event digest, the chain links and the inclusion proofs. "
                    + "Exit code 0 when everything verifies, 1 at the first failure.")
    static class VerifyExport implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        IccCli cli;

        @Option(names = "--export", required = true, paramLabel = "FILE", description = "the export, JSON Lines")
        Path export;

        @Option(names = "--trusted-head", required = true, paramLabel = "FILE",
                description = "a signed tree head you trust (JSON of GET /api/v1/ledger/tree-heads/latest)")
        Path trustedHead;

        @Option(names = "--center-key", required = true, paramLabel = "FILE", description = "the center's public key, PEM")
        Path centerKey;

        @Option(names = "--keys", paramLabel = "FILE",
                description = "signers' public keys: JSON object {\"keyId\": \"PEM\", ...} or {\"keys\": [{\"keyId\", \"publicKey\"}]}")
        Path keys;

        @Override
        public Integer call() throws IOException {
            PublicKey center = Crypto.parsePublicKey(Files.readString(centerKey, StandardCharsets.US_ASCII));
            JsonNode headJson = cli.mapper.readTree(Files.readString(trustedHead, StandardCharsets.UTF_8));
            TreeHead trusted = TreeHead.fromJson(headJson != null && headJson.has("treeHead") ? headJson.get("treeHead") : headJson);
            ExportVerifier verifier = new ExportVerifier(center, keys == null ? Map.of() : readKeys(keys));
            ExportVerifier.Verdict verdict;
            try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
                verdict = verifier.verify(reader, trusted);
            }
            PrintWriter out = verdict.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr();
            out.println(verdict.text());
            out.flush();
            return verdict.ok() ? 0 : 1;
        }

        private Map<String, PublicKey> readKeys(Path file) throws IOException {
            JsonNode node = cli.mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, PublicKey> found = new LinkedHashMap<>();
            if (node != null && node.path("keys").isArray()) {
                for (JsonNode key : node.get("keys")) {
                    found.put(key.path("keyId").asText(), Crypto.parsePublicKey(key.path("publicKey").asText()));
                }
            } else if (node != null && node.isObject()) {
                node.fields().forEachRemaining(e -> found.put(e.getKey(), Crypto.parsePublicKey(e.getValue().asText())));
            } else {
                throw new IllegalArgumentException("--keys must be a JSON object of key id to public key PEM");
            }
            return found;
        }
    }

    static boolean success(int status) {
        return status >= 200 && status < 300;
    }
}
