package org.evgrid.icc.infra.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.evgrid.icc.ledger.tls.TrustedCertificates;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * HTTPS by default (R-8.2b), settled before the embedded web server starts: from {@code icc.tls.*} it adds the
 * {@code server.ssl.*} properties (TLS 1.3 and 1.2) and the default port (8443 with TLS, 8080 without; an explicit
 * {@code server.port} wins). The keystore is the configured one ({@code icc.tls.keystore}) or, when none is configured and
 * {@code icc.tls.self-signed} allows it, a self-signed certificate generated at first start in {@code icc.tls.generate-dir}
 * ({@link SelfSignedKeystore}); its SHA-256 fingerprint, subject, names, validity and PEM file are logged. The prod profile
 * forbids self-signing: without a keystore the start is refused. {@code icc.tls.enabled=false} is the explicit opt-in to
 * plain HTTP (local development, or behind a reverse proxy that terminates TLS), logged as a warning. If the operator
 * configured {@code server.ssl.key-store} or {@code server.ssl.bundle} directly, that is used as it is.
 */
public class TlsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The default port with TLS. */
    public static final int HTTPS_PORT = 8443;
    /** The default port without TLS. */
    public static final int HTTP_PORT = 8080;
    /** The name of the property source this adds (lowest precedence: everything the operator sets wins). */
    public static final String SOURCE = "iccTls";

    private final Log log;
    private final Clock clock;

    public TlsEnvironmentPostProcessor(DeferredLogFactory logs) {
        this(logs.getLog(TlsEnvironmentPostProcessor.class), Clock.systemUTC());
    }

    TlsEnvironmentPostProcessor(Log log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Binder binder = Binder.get(env);
        boolean enabled = binder.bind("icc.tls.enabled", Boolean.class).orElse(true);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", enabled ? HTTPS_PORT : HTTP_PORT);
        if (!enabled) {
            log.warn("HTTP without TLS: local development only (icc.tls.enabled=false). Passwords and signed requests travel "
                    + "in clear text; in production use TLS, or a reverse proxy that terminates TLS in front of the center "
                    + "(docs/operations-tls.md)");
        } else if (env.containsProperty("server.ssl.key-store") || env.containsProperty("server.ssl.bundle")) {
            log.info("TLS: configured through server.ssl.* (icc.tls.keystore is not used)");
        } else {
            props.putAll(serverSsl(binder));
        }
        env.getPropertySources().addLast(new MapPropertySource(SOURCE, props));
    }

    private Map<String, Object> serverSsl(Binder binder) {
        String configured = binder.bind("icc.tls.keystore", String.class).orElse("").trim();
        String type = binder.bind("icc.tls.keystore-type", String.class).orElse("PKCS12");
        Path keystore;
        String password;
        String alias;
        if (!configured.isEmpty()) {
            keystore = Path.of(configured.startsWith("file:") ? configured.substring("file:".length()) : configured).toAbsolutePath();
            password = binder.bind("icc.tls.keystore-password", String.class).orElse("");
            alias = binder.bind("icc.tls.key-alias", String.class).orElse("").trim();
            KeyStore ks = load(keystore, type, password);
            alias = alias.isEmpty() ? firstKeyAlias(ks, keystore) : alias;
            X509Certificate certificate = certificate(ks, alias, keystore);
            log.info("TLS: keystore " + keystore + " (" + type + "), alias " + alias);
            describe(certificate, null);
        } else {
            if (!binder.bind("icc.tls.self-signed", Boolean.class).orElse(true)) {
                throw new IllegalStateException("TLS is on but no keystore is configured, and this profile does not allow a "
                        + "self-signed certificate (icc.tls.self-signed=false, e.g. the prod profile). Set icc.tls.keystore to a "
                        + "PKCS12 keystore with the certificate your CA issued and icc.tls.keystore-password (and icc.tls.key-alias "
                        + "if it holds several keys); or, only behind a reverse proxy that terminates TLS, icc.tls.enabled=false. "
                        + "See docs/operations-tls.md");
            }
            String dataDir = binder.bind("icc.data-dir", String.class).orElse("./data");
            Path dir = Path.of(binder.bind("icc.tls.generate-dir", String.class).orElse(dataDir + "/tls")).toAbsolutePath().normalize();
            List<String> hostnames = binder.bind("icc.tls.hostnames", Bindable.listOf(String.class)).orElse(Collections.emptyList());
            Duration validity = binder.bind("icc.tls.validity", Duration.class).orElse(Duration.ofDays(825));
            SelfSignedKeystore.Result r;
            try {
                r = SelfSignedKeystore.ensure(dir, hostnames.isEmpty() ? SelfSignedKeystore.defaultHostnames() : hostnames, validity, clock);
            } catch (IOException e) {
                throw new IllegalStateException("TLS: " + e.getMessage(), e);
            }
            if (r.generated()) {
                log.info("TLS: self-signed certificate generated (" + r.reason() + "): " + r.keystore()
                        + " (password in " + r.keystore().resolveSibling(SelfSignedKeystore.PASSWORD_FILE) + ")");
            } else {
                log.info("TLS: self-signed certificate reused from " + r.keystore());
            }
            describe(r.certificate(), r.certificatePem());
            keystore = r.keystore();
            password = r.password();
            alias = SelfSignedKeystore.ALIAS;
            type = "PKCS12";
        }
        Map<String, Object> ssl = new LinkedHashMap<>();
        ssl.put("server.ssl.enabled", true);
        ssl.put("server.ssl.key-store", keystore.toUri().toString());
        ssl.put("server.ssl.key-store-password", password);
        ssl.put("server.ssl.key-store-type", type);
        ssl.put("server.ssl.key-alias", alias);
        ssl.put("server.ssl.enabled-protocols", "TLSv1.3,TLSv1.2");
        return ssl;
    }

    private void describe(X509Certificate c, Path pem) {
        log.info("TLS certificate SHA-256 fingerprint " + TrustedCertificates.sha256Fingerprint(c) + "; subject "
                + c.getSubjectX500Principal().getName() + "; subject alternative names " + names(c) + "; valid from "
                + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant()
                + (pem == null ? "" : "; clients trust it with " + pem + " (curl --cacert, icc-cli --cacert)"));
    }

    private static String names(X509Certificate c) {
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            return sans == null ? "[]" : sans.stream().map(n -> String.valueOf(n.get(1))).toList().toString();
        } catch (java.security.cert.CertificateParsingException e) {
            return "[unreadable]";
        }
    }

    private static KeyStore load(Path keystore, String type, String password) {
        if (!Files.isRegularFile(keystore)) {
            throw new IllegalStateException("TLS: the keystore " + keystore + " (icc.tls.keystore) does not exist; give the path "
                    + "of the PKCS12 file with the center's key and certificate");
        }
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, password.toCharArray());
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("TLS: the keystore " + keystore + " cannot be opened as " + type
                    + " with icc.tls.keystore-password (" + e.getMessage() + "); check the password and icc.tls.keystore-type", e);
        }
    }

    private static String firstKeyAlias(KeyStore ks, Path keystore) {
        try {
            for (String a : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(a)) {
                    return a;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS: the keystore " + keystore + " cannot be read: " + e.getMessage(), e);
        }
        throw new IllegalStateException("TLS: the keystore " + keystore + " holds no private key; import the key with its certificate");
    }

    private static X509Certificate certificate(KeyStore ks, String alias, Path keystore) {
        try {
            Certificate c = ks.getCertificate(alias);
            if (!ks.isKeyEntry(alias) || !(c instanceof X509Certificate x)) {
                throw new IllegalStateException("TLS: the keystore " + keystore + " has no key with a certificate under alias "
                        + alias + " (icc.tls.key-alias)");
            }
            return x;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS: the keystore " + keystore + " cannot be read: " + e.getMessage(), e);
        }
    }
}
