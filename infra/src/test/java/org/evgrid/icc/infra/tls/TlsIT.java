package org.evgrid.icc.infra.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.RegisterSignerKeyCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.demo.market.internal.SignedPoster;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.TestWorld;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.tls.TrustedCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * HTTPS by default (R-8.2b), end to end. The tests' config/application.properties opts the other ITs into plain HTTP;
 * here {@code --icc.tls.enabled=true} restores the default.
 */
@ExtendWith(OutputCaptureExtension.class)
class TlsIT {

    private static final String HSTS = "Strict-Transport-Security";

    private static ConfigurableApplicationContext start(Path data, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--icc.data-dir=" + data, "--server.port=0", "--icc.demo.enabled=false",
                "--icc.tls.enabled=true"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(IccApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    private static HttpResponse<String> get(SSLContext trust, String url) throws IOException, InterruptedException {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (trust != null) {
            b.sslContext(trust);
        }
        return b.build().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static X509Certificate served(HttpResponse<?> response) throws Exception {
        return (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    }

    @Test
    void aFreshCenterGeneratesItsCertificateServesHttpsWithHstsAndKeepsTheCertificateAcrossARestart(CapturedOutput output)
            throws Exception {
        Path data = Files.createTempDirectory("icc-tls-it");
        Path pem = data.resolve("tls").resolve(SelfSignedKeystore.CERTIFICATE_PEM);
        String fingerprint;
        try (ConfigurableApplicationContext ctx = start(data)) {
            int port = port(ctx);
            assertThat(pem).exists();
            X509Certificate certificate = TrustedCertificates.readPem(pem).get(0);
            fingerprint = TrustedCertificates.sha256Fingerprint(certificate);
            assertThat(output.getOut()).contains("TLS: self-signed certificate generated")
                    .contains("TLS certificate SHA-256 fingerprint " + fingerprint).contains(pem.toString());

            SSLContext trustOnlyThePem = TrustedCertificates.sslContext(pem);
            HttpResponse<String> health = get(trustOnlyThePem, "https://localhost:" + port + "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(served(health)).isEqualTo(certificate);
            assertThat(health.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(health.headers().firstValue(HSTS)).hasValueSatisfying(v ->
                    assertThat(v.replace(" ", "")).isEqualTo("max-age=31536000;includeSubDomains"));
            assertThat(get(trustOnlyThePem, "https://127.0.0.1:" + port + "/actuator/health").statusCode()).isEqualTo(200);

            // host names are verified: an address the certificate does not name is refused, even though its key is trusted
            assertThatThrownBy(() -> get(trustOnlyThePem, "https://127.0.0.2:" + port + "/actuator/health"))
                    .isInstanceOf(SSLHandshakeException.class);
            // a client that trusts only the system's CAs does not accept the self-signed certificate
            assertThatThrownBy(() -> get(null, "https://localhost:" + port + "/actuator/health")).isInstanceOf(SSLHandshakeException.class);
            // plain HTTP on the TLS port gets no answer from the application
            HttpResponse<String> plain;
            try {
                plain = get(null, "http://localhost:" + port + "/actuator/health");
            } catch (IOException refused) {
                plain = null;
            }
            if (plain != null) {
                assertThat(plain.statusCode()).isEqualTo(400);
                assertThat(plain.body()).doesNotContain("UP");
            }

            // signed commands over HTTPS: the test client, and the simulators' poster trusting the server's certificate
            CenterClient client = new CenterClient("https://localhost:" + port, Clock.systemUTC(), trustOnlyThePem);
            TestWorld world = new TestWorld(client, data);
            world.keyWithRole("key-tls-archivist", Role.ARCHIVE_MANAGER, SignatureAlgorithm.ECDSA_P256);
            assertThat(CenterTls.localBaseUrl(ctx.getEnvironment())).isEqualTo("https://localhost:" + port);
            KeyPair pair = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);
            SignedPoster.Answer posted = new SignedPoster(Clock.systemUTC(), CenterTls.clientContext(ctx.getEnvironment()))
                    .post(CenterTls.localBaseUrl(ctx.getEnvironment()) + "/api/v1/commands",
                            new RegisterSignerKeyCommand(new KeyId("key-tls-sim"), SignatureAlgorithm.ED25519, Crypto.toPem(pair.getPublic()),
                                    "key-tls-sim", Set.of(Role.TRADER), null, DataScope.HEADQUARTERS),
                            new SignedPoster.Key(world.admin().keyId(), world.admin().key()));
            assertThat(posted.ok()).as("%s %s", posted.status(), posted.body()).isTrue();
        }

        try (ConfigurableApplicationContext ctx = start(data)) {
            assertThat(output.getOut()).contains("TLS: self-signed certificate reused from");
            HttpResponse<String> health = get(TrustedCertificates.sslContext(pem), "https://localhost:" + port(ctx) + "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(TrustedCertificates.sha256Fingerprint(served(health))).isEqualTo(fingerprint);
        }
    }

    @Test
    void aConfiguredKeystoreIsServedInsteadOfAGeneratedOne() throws Exception {
        Path data = Files.createTempDirectory("icc-tls-it-ks");
        KeyPair pair = SelfSignedKeystore.newKeyPair();
        X509Certificate site = SelfSignedKeystore.certificate(pair, List.of("localhost"), Instant.now(), Duration.ofDays(90));
        Path p12 = Files.createTempDirectory("icc-tls-it-site").resolve("site.p12");
        Files.write(p12, SelfSignedKeystore.pkcs12(pair, site, "site-secret"));

        try (ConfigurableApplicationContext ctx = start(data, "--icc.tls.keystore=" + p12, "--icc.tls.keystore-password=site-secret",
                "--icc.tls.self-signed=false")) {
            HttpResponse<String> health = get(TrustedCertificates.sslContext(List.of(site)),
                    "https://localhost:" + port(ctx) + "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(served(health)).isEqualTo(site);
            assertThat(data.resolve("tls")).doesNotExist();
        }
    }

    @Test
    void theProductionProfileRefusesToStartWithoutAConfiguredKeystore() throws IOException {
        Path data = Files.createTempDirectory("icc-tls-it-prod");

        assertThatThrownBy(() -> start(data, "--spring.profiles.active=prod").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no keystore is configured").hasMessageContaining("icc.tls.keystore");
        assertThat(data.resolve("tls")).doesNotExist();
    }
}
