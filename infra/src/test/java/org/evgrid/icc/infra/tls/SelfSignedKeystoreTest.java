package org.evgrid.icc.infra.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.evgrid.icc.ledger.tls.TrustedCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedKeystoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final List<String> HOSTS = List.of("localhost", "127.0.0.1", "::1", "icc.example.cn");

    @TempDir
    Path dir;

    @Test
    void firstStartGeneratesAServerCertificateForTheHostNamesWithTheRightExtensions() throws Exception {
        SelfSignedKeystore.Result r = SelfSignedKeystore.ensure(dir, HOSTS, Duration.ofDays(825), CLOCK);

        assertThat(r.generated()).isTrue();
        X509Certificate c = r.certificate();
        assertThat(c.getVersion()).isEqualTo(3);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(((ECPublicKey) c.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(c.getSubjectX500Principal().getName()).startsWith("CN=localhost");
        assertThat(c.getIssuerX500Principal()).isEqualTo(c.getSubjectX500Principal());
        c.verify(c.getPublicKey());
        assertThat(c.getSubjectAlternativeNames()).extracting(n -> n.get(0) + "=" + n.get(1))
                .containsExactly("2=localhost", "7=127.0.0.1", "7=0:0:0:0:0:0:0:1", "2=icc.example.cn");
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(c.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(c.getKeyUsage()[2]).as("keyEncipherment").isFalse();
        assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(c.getNotBefore().toInstant()).isBeforeOrEqualTo(NOW);
        assertThat(c.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(825)));
    }

    @Test
    void theKeystoreOpensWithThePasswordFileWhichOnlyTheOwnerMayRead() throws Exception {
        SelfSignedKeystore.Result r = SelfSignedKeystore.ensure(dir, HOSTS, Duration.ofDays(30), CLOCK);

        String password = Files.readString(dir.resolve(SelfSignedKeystore.PASSWORD_FILE)).trim();
        assertThat(password).isEqualTo(r.password()).hasSizeGreaterThanOrEqualTo(32);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(SelfSignedKeystore.KEYSTORE))) {
            ks.load(in, password.toCharArray());
        }
        assertThat(ks.isKeyEntry(SelfSignedKeystore.ALIAS)).isTrue();
        assertThat(ks.getCertificate(SelfSignedKeystore.ALIAS)).isEqualTo(r.certificate());
        assertThat(Files.getPosixFilePermissions(dir.resolve(SelfSignedKeystore.PASSWORD_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(dir.resolve(SelfSignedKeystore.KEYSTORE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void thePemFileHoldsExactlyThePublicCertificate() throws Exception {
        SelfSignedKeystore.Result r = SelfSignedKeystore.ensure(dir, HOSTS, Duration.ofDays(30), CLOCK);

        String pem = Files.readString(r.certificatePem());
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n").doesNotContain("PRIVATE");
        assertThat(TrustedCertificates.readPem(r.certificatePem())).containsExactly(r.certificate());
        assertThat(Files.getPosixFilePermissions(r.certificatePem())).contains(PosixFilePermission.OTHERS_READ);
    }

    @Test
    void theFingerprintIsTheSha256OfTheCertificateInColonHexAsOpensslPrintsIt() throws Exception {
        X509Certificate c = SelfSignedKeystore.ensure(dir, HOSTS, Duration.ofDays(30), CLOCK).certificate();

        String fingerprint = TrustedCertificates.sha256Fingerprint(c);

        assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(fingerprint.replace(":", "")).isEqualToIgnoringCase(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded())));
    }

    @Test
    void aLaterStartReusesTheSameKeyAndCertificate() throws Exception {
        SelfSignedKeystore.Result first = SelfSignedKeystore.ensure(dir, HOSTS, Duration.ofDays(30), CLOCK);
        Files.delete(first.certificatePem());

        SelfSignedKeystore.Result second = SelfSignedKeystore.ensure(dir, HOSTS, Duration.ofDays(30),
                Clock.fixed(NOW.plus(Duration.ofDays(29)), ZoneOffset.UTC));

        assertThat(second.generated()).isFalse();
        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(second.password()).isEqualTo(first.password());
        assertThat(TrustedCertificates.readPem(second.certificatePem())).as("a missing PEM is written again")
                .containsExactly(first.certificate());
    }

    @Test
    void anExpiredCertificateIsReplacedByANewOne() throws Exception {
        SelfSignedKeystore.Result first = SelfSignedKeystore.ensure(dir, HOSTS, Duration.ofDays(30), CLOCK);
        Instant later = NOW.plus(Duration.ofDays(31));

        SelfSignedKeystore.Result second = SelfSignedKeystore.ensure(dir, HOSTS, Duration.ofDays(30), Clock.fixed(later, ZoneOffset.UTC));

        assertThat(second.generated()).isTrue();
        assertThat(second.reason()).startsWith("expired on");
        assertThat(second.certificate()).isNotEqualTo(first.certificate());
        assertThat(second.certificate().getPublicKey()).isNotEqualTo(first.certificate().getPublicKey());
        assertThat(second.certificate().getNotAfter().toInstant()).isEqualTo(later.plus(Duration.ofDays(30)));
        assertThat(TrustedCertificates.readPem(second.certificatePem())).containsExactly(second.certificate());
    }

    @Test
    void aKeystoreThePasswordFileDoesNotOpenIsReportedNotSilentlyReplaced() throws IOException {
        SelfSignedKeystore.ensure(dir, HOSTS, Duration.ofDays(30), CLOCK);
        Files.writeString(dir.resolve(SelfSignedKeystore.PASSWORD_FILE), "wrong\n");

        assertThatThrownBy(() -> SelfSignedKeystore.ensure(dir, HOSTS, Duration.ofDays(30), CLOCK))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot be read").hasMessageContaining("delete both files");
    }

    @Test
    void ipLiteralsBecomeAddressesAndNamesBecomeDnsNames() {
        assertThat(Set.of("127.0.0.1", "::1", "[fe80::1]", "10.0.0.254")).allMatch(SelfSignedKeystore::isIpLiteral);
        assertThat(Set.of("localhost", "icc-node-1", "icc.example.cn", "1host")).noneMatch(SelfSignedKeystore::isIpLiteral);
    }
}
