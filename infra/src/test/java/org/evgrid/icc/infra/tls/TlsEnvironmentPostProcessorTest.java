package org.evgrid.icc.infra.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TlsEnvironmentPostProcessorTest {

    @TempDir
    Path dir;

    private final List<String> logged = new ArrayList<>();

    private StandardEnvironment environment(Map<String, Object> props) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        new TlsEnvironmentPostProcessor(new NoOpLog() {
            @Override
            public void info(Object message) {
                logged.add("INFO " + message);
            }

            @Override
            public void warn(Object message) {
                logged.add("WARN " + message);
            }
        }, Clock.systemUTC()).postProcessEnvironment(env, null);
        return env;
    }

    @Test
    void byDefaultTheServerSpeaksTlsOn8443WithAGeneratedKeystoreInTheDataDirectory() {
        StandardEnvironment env = environment(Map.of("icc.data-dir", dir.toString()));

        assertThat(env.getProperty("server.port")).isEqualTo("8443");
        assertThat(env.getProperty("server.ssl.enabled")).isEqualTo("true");
        assertThat(env.getProperty("server.ssl.key-store")).startsWith("file:").endsWith("/tls/center-tls.p12");
        assertThat(env.getProperty("server.ssl.key-alias")).isEqualTo(SelfSignedKeystore.ALIAS);
        assertThat(env.getProperty("server.ssl.enabled-protocols")).isEqualTo("TLSv1.3,TLSv1.2");
        assertThat(Files.exists(dir.resolve("tls/center-tls-cert.pem"))).isTrue();
        assertThat(logged).anyMatch(l -> l.startsWith("INFO TLS certificate SHA-256 fingerprint ") && l.contains("center-tls-cert.pem"));
        assertThat(CenterTls.localBaseUrl(env)).isEqualTo("https://localhost:8443");
        assertThat(CenterTls.clientContext(env)).isNotNull();
    }

    @Test
    void anExplicitPortWins() {
        StandardEnvironment env = environment(Map.of("icc.data-dir", dir.toString(), "server.port", "9443"));

        assertThat(env.getProperty("server.port")).isEqualTo("9443");
    }

    @Test
    void plainHttpIsAnExplicitOptInOn8080WithAWarning() {
        StandardEnvironment env = environment(Map.of("icc.data-dir", dir.toString(), "icc.tls.enabled", "false"));

        assertThat(env.getProperty("server.port")).isEqualTo("8080");
        assertThat(env.containsProperty("server.ssl.enabled")).isFalse();
        assertThat(logged).anyMatch(l -> l.startsWith("WARN HTTP without TLS: local development only"));
        assertThat(Files.exists(dir.resolve("tls"))).isFalse();
        assertThat(CenterTls.localBaseUrl(env)).isEqualTo("http://localhost:8080");
        assertThat(CenterTls.clientContext(env)).isNull();
    }

    @Test
    void withoutAKeystoreAProfileThatForbidsSelfSigningRefusesToStart() {
        assertThatThrownBy(() -> environment(Map.of("icc.data-dir", dir.toString(), "icc.tls.self-signed", "false")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no keystore is configured").hasMessageContaining("icc.tls.keystore");
        assertThat(Files.exists(dir.resolve("tls"))).isFalse();
    }

    @Test
    void aConfiguredKeystoreIsUsedAsItIsAndNothingIsGenerated() throws Exception {
        var pair = SelfSignedKeystore.newKeyPair();
        var cert = SelfSignedKeystore.certificate(pair, List.of("icc.example.cn"), java.time.Instant.now(), java.time.Duration.ofDays(90));
        Path p12 = dir.resolve("site.p12");
        Files.write(p12, SelfSignedKeystore.pkcs12(pair, cert, "site-secret"));

        StandardEnvironment env = environment(Map.of("icc.data-dir", dir.toString(), "icc.tls.self-signed", "false",
                "icc.tls.keystore", p12.toString(), "icc.tls.keystore-password", "site-secret"));

        assertThat(env.getProperty("server.ssl.key-store")).isEqualTo(p12.toUri().toString());
        assertThat(env.getProperty("server.ssl.key-alias")).isEqualTo(SelfSignedKeystore.ALIAS);
        assertThat(env.getProperty("server.ssl.key-store-password")).isEqualTo("site-secret");
        assertThat(Files.exists(dir.resolve("tls"))).isFalse();
        assertThat(logged).anyMatch(l -> l.contains(org.evgrid.icc.ledger.tls.TrustedCertificates.sha256Fingerprint(cert)));
    }

    @Test
    void aConfiguredKeystoreWithAWrongPasswordIsRefusedWithTheReason() throws Exception {
        var pair = SelfSignedKeystore.newKeyPair();
        var cert = SelfSignedKeystore.certificate(pair, List.of("icc.example.cn"), java.time.Instant.now(), java.time.Duration.ofDays(90));
        Path p12 = dir.resolve("site.p12");
        Files.write(p12, SelfSignedKeystore.pkcs12(pair, cert, "site-secret"));

        assertThatThrownBy(() -> environment(Map.of("icc.data-dir", dir.toString(), "icc.tls.keystore", p12.toString(),
                "icc.tls.keystore-password", "guess")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be opened").hasMessageContaining("password");
        assertThatThrownBy(() -> environment(Map.of("icc.data-dir", dir.toString(), "icc.tls.keystore", dir.resolve("none.p12").toString())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
    }
}
