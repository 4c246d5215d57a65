package org.evgrid.icc.infra.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.evgrid.icc.ledger.tls.TrustedCertificates;

/**
 * The center's self-signed TLS identity for development and demonstration: an ECDSA P-256 key and an X.509 v3 certificate
 * (SHA256withECDSA; subject alternative names for the host names and addresses; CA=false; key usage digitalSignature;
 * extended key usage serverAuth) in a PKCS12 keystore {@value #KEYSTORE} whose random password is kept in
 * {@value #PASSWORD_FILE} (owner read/write only), and the public certificate as {@value #CERTIFICATE_PEM} for clients
 * ({@code curl --cacert}, the CLI's {@code --cacert}, the simulators). Generated when missing or expired, reused otherwise.
 */
public final class SelfSignedKeystore {

    /** The keystore file in the directory. */
    public static final String KEYSTORE = "center-tls.p12";
    /** The keystore's password (one line). */
    public static final String PASSWORD_FILE = "center-tls.password";
    /** The public certificate, PEM. */
    public static final String CERTIFICATE_PEM = "center-tls-cert.pem";
    /** The key's alias in the keystore. */
    public static final String ALIAS = "icc-center";

    /**
     * The keystore in use.
     *
     * @param keystore the PKCS12 file
     * @param password its password
     * @param certificate the certificate
     * @param certificatePem the PEM file of the certificate
     * @param generated whether it was made now (else reused)
     * @param reason why it was made (missing, expired), null when reused
     */
    public record Result(Path keystore, String password, X509Certificate certificate, Path certificatePem, boolean generated,
                         String reason) {
    }

    private SelfSignedKeystore() {
    }

    /**
     * Reuses the keystore in {@code dir} if present and valid at the clock's time, else generates a new one.
     *
     * @param dir the directory (created if needed)
     * @param hostnames DNS names and IP addresses for the subject alternative name; the first names the subject
     * @param validity how long a new certificate is valid
     * @param clock the time of "now"
     */
    public static Result ensure(Path dir, List<String> hostnames, Duration validity, Clock clock) throws IOException {
        Path keystore = dir.resolve(KEYSTORE);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        Path pem = dir.resolve(CERTIFICATE_PEM);
        String reason;
        if (Files.exists(keystore) && Files.exists(passwordFile)) {
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
            X509Certificate existing = load(keystore, password);
            if (!existing.getNotAfter().toInstant().isBefore(clock.instant())) {
                String text = TrustedCertificates.toPem(existing);
                if (!Files.exists(pem) || !Files.readString(pem, StandardCharsets.UTF_8).equals(text)) {
                    writeAtomically(pem, text, false);
                }
                return new Result(keystore, password, existing, pem, false, null);
            }
            reason = "expired on " + existing.getNotAfter().toInstant();
        } else {
            reason = "none in " + dir;
        }
        Files.createDirectories(dir);
        String password = randomPassword();
        KeyPair pair = newKeyPair();
        X509Certificate certificate = certificate(pair, hostnames, clock.instant(), validity);
        byte[] p12 = pkcs12(pair, certificate, password);
        writeAtomically(passwordFile, password + "\n", true);
        Path tmp = Files.createTempFile(dir, KEYSTORE, ".tmp");
        Files.write(tmp, p12);
        restrict(tmp);
        Files.move(tmp, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        writeAtomically(pem, TrustedCertificates.toPem(certificate), false);
        return new Result(keystore, password, certificate, pem, true, reason);
    }

    /** A self-signed server certificate for the key pair, valid from {@code now} (minus a minute) for {@code validity}. */
    public static X509Certificate certificate(KeyPair pair, List<String> hostnames, Instant now, Duration validity) {
        if (hostnames.isEmpty()) {
            throw new IllegalArgumentException("at least one host name is needed");
        }
        X500Name subject = new X500Name("O=EV-grid integration management center,CN=" + cnSafe(hostnames.get(0)));
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        serial[0] &= 0x7f;
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(1, serial),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(validity)), subject, pair.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(hostnames));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the TLS certificate: " + e.getMessage(), e);
        }
    }

    /** A fresh ECDSA P-256 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA P-256 unavailable", e);
        }
    }

    /** A PKCS12 keystore holding the key and certificate under {@value #ALIAS}. */
    public static byte[] pkcs12(KeyPair pair, X509Certificate certificate, String password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ks.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the TLS keystore: " + e.getMessage(), e);
        }
    }

    private static X509Certificate load(Path keystore, String password) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            Certificate c = ks.getCertificate(ALIAS);
            if (!(c instanceof X509Certificate x)) {
                throw new IOException("no certificate under alias " + ALIAS);
            }
            return x;
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException("the TLS keystore " + keystore + " cannot be read with the password in "
                    + keystore.resolveSibling(PASSWORD_FILE) + " (" + e.getMessage()
                    + "); delete both files to have a new certificate generated, or configure icc.tls.keystore", e);
        }
    }

    private static GeneralNames subjectAlternativeNames(List<String> hostnames) {
        List<GeneralName> names = new ArrayList<>();
        for (String h : hostnames) {
            String name = h.trim();
            if (name.isEmpty()) {
                continue;
            }
            GeneralName entry = isIpLiteral(name) ? new GeneralName(GeneralName.iPAddress, stripBrackets(name))
                    : new GeneralName(GeneralName.dNSName, name);
            if (!names.contains(entry)) {
                names.add(entry);
            }
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    static boolean isIpLiteral(String name) {
        String n = stripBrackets(name);
        if (n.contains(":")) {
            return true;
        }
        return n.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String stripBrackets(String name) {
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }

    private static String cnSafe(String name) {
        return name.replaceAll("[,+=\"\\\\<>;#]", "_");
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeAtomically(Path file, String text, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        if (secret) {
            restrict(tmp);
        } else {
            permit(tmp, "rw-r--r--");
        }
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrict(Path file) throws IOException {
        permit(file, "rw-------");
    }

    private static void permit(Path file, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's access rules apply
        }
    }

    /** The default host names: localhost, 127.0.0.1, ::1 and this machine's host name (when it can be found). */
    public static List<String> defaultHostnames() {
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        try {
            String host = InetAddress.getLocalHost().getHostName();
            if (host != null && !host.isBlank() && !names.contains(host)) {
                names.add(host);
            }
        } catch (IOException e) {
            // no resolvable host name: the loopback names remain
        }
        return names;
    }
}
