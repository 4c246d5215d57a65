package org.evgrid.icc.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.ledger.tls.TrustedCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code send} and {@code get} against an HTTPS center with a self-signed certificate: {@code --cacert} trusts exactly it. */
class IccCliTlsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final AtomicInteger nonces = new AtomicInteger();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpsServer server;
    private Path centerPem;
    private Path otherPem;

    /** A self-signed server certificate naming only "localhost" (not 127.0.0.1). */
    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair pair) throws Exception {
        X500Name name = new X500Name("CN=localhost");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), name, pair.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    @BeforeEach
    void startServer() throws Exception {
        KeyPair pair = keyPair();
        X509Certificate cert = certificate(pair);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("center", pair.getPrivate(), "pw".toCharArray(), new Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/api/v1/commands", exchange -> respond(exchange, 202, "{\"status\":\"accepted\"}"));
        server.createContext("/api/v1/piles", exchange -> respond(exchange, 200, "{\"pileId\":\"P-1\"}"));
        server.start();
        centerPem = dir.resolve("center-tls-cert.pem");
        Files.writeString(centerPem, TrustedCertificates.toPem(cert));
        otherPem = dir.resolve("other.pem");
        Files.writeString(otherPem, TrustedCertificates.toPem(certificate(keyPair())));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }

    private String url(String host) {
        return "https://" + host + ":" + server.getAddress().getPort();
    }

    private int run(String... args) {
        IccCli cli = new IccCli(new ByteArrayInputStream(new byte[0]), CLOCK, () -> "tls-test-nonce-%04d".formatted(nonces.incrementAndGet()));
        var commandLine = IccCli.commandLine(cli);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path key() {
        String prefix = dir.resolve("op1").toString();
        assertThat(run("keygen", "--alg", SignatureAlgorithm.ED25519.name(), "--out", prefix)).isZero();
        out.getBuffer().setLength(0);
        return Path.of(prefix + ".pem");
    }

    private Path payload() throws IOException {
        Path file = dir.resolve("payload.json");
        Files.writeString(file, """
                {"operatorId":"OP-1","name":"绿能充电","creditCode":"91320000MA1XXXXX0X",
                 "contact":{"name":"Li Lei","phone":"13800000000","email":"li@example.com"},"shareRatio":0.850,"platformKeys":[]}
                """);
        return file;
    }

    @Test
    void sendOverHttpsSucceedsWhenTheCenterCertificateIsGivenWithCacert() throws IOException {
        Path key = key();

        int exit = run("send", "--url", url("localhost"), "--cacert", centerPem.toString(), "--key", key.toString(), "--key-id", "op1-k1",
                "--type", "RegisterOperator", "--payload", payload().toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("HTTP 202");
    }

    @Test
    void getOverHttpsSucceedsWithCacert() {
        Path key = key();

        int exit = run("get", "--url", url("localhost"), "--cacert", centerPem.toString(), "--key", key.toString(), "--key-id", "op1-k1",
                "/api/v1/piles/P-1");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().trim()).isEqualTo("{\"pileId\":\"P-1\"}");
    }

    @Test
    void withoutCacertTheSelfSignedCenterIsNotTrusted() throws IOException {
        Path key = key();

        int exit = run("send", "--url", url("localhost"), "--key", key.toString(), "--key-id", "op1-k1", "--type", "RegisterOperator",
                "--payload", payload().toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach");
        assertThat(out.toString()).doesNotContain("HTTP 202");
    }

    @Test
    void cacertTrustsOnlyTheCertificateInTheFile() {
        Path key = key();

        int exit = run("get", "--url", url("localhost"), "--cacert", otherPem.toString(), "--key", key.toString(), "--key-id", "op1-k1",
                "/api/v1/piles/P-1");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach");
    }

    @Test
    void theHostNameIsStillVerifiedWithCacert() {
        Path key = key();

        int exit = run("get", "--url", url("127.0.0.1"), "--cacert", centerPem.toString(), "--key", key.toString(), "--key-id", "op1-k1",
                "/api/v1/piles/P-1");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach");
    }

    @Test
    void aCacertFileThatIsNoCertificateIsReported() throws IOException {
        Path key = key();
        Path bogus = dir.resolve("bogus.pem");
        Files.writeString(bogus, "not a certificate\n");

        assertThat(run("get", "--url", url("localhost"), "--cacert", bogus.toString(), "--key", key.toString(), "--key-id", "op1-k1",
                "/api/v1/piles/P-1")).isEqualTo(1);
        assertThat(err.toString()).contains(bogus.toString());
    }
}
