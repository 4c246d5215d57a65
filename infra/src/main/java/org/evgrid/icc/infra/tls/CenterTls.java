package org.evgrid.icc.infra.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.evgrid.icc.ledger.tls.TrustedCertificates;
import org.springframework.core.env.Environment;
import org.springframework.util.ResourceUtils;

/**
 * How the center's own clients (the demo simulators, the gateway's response address) reach it: its local base URL
 * ({@code https://localhost:<port>} with TLS, {@code http://…} without) and a TLS client context that trusts exactly
 * the certificate the server presents (read from the server's keystore; never "trust all").
 */
public final class CenterTls {

    private CenterTls() {
    }

    /** Whether the server speaks TLS. */
    public static boolean enabled(Environment env) {
        return env.getProperty("server.ssl.enabled", Boolean.class,
                env.containsProperty("server.ssl.key-store") || env.containsProperty("server.ssl.bundle"));
    }

    /** {@code https://localhost:<port>} (or {@code http://…} without TLS), the port the server listens on. */
    public static String localBaseUrl(Environment env) {
        boolean tls = enabled(env);
        String port = env.getProperty("local.server.port",
                env.getProperty("server.port", String.valueOf(tls ? TlsEnvironmentPostProcessor.HTTPS_PORT : TlsEnvironmentPostProcessor.HTTP_PORT)));
        return (tls ? "https" : "http") + "://localhost:" + port;
    }

    /** A client context trusting the server's certificate chain; null without TLS (then the client needs none). */
    public static SSLContext clientContext(Environment env) {
        if (!enabled(env) || env.getProperty("server.ssl.key-store") == null) {
            return null;
        }
        String location = env.getProperty("server.ssl.key-store");
        String type = env.getProperty("server.ssl.key-store-type", "PKCS12");
        String password = env.getProperty("server.ssl.key-store-password", "");
        String alias = env.getProperty("server.ssl.key-alias", "");
        try (InputStream in = Files.newInputStream(ResourceUtils.getFile(location).toPath())) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, password.toCharArray());
            List<X509Certificate> chain = new ArrayList<>();
            for (String a : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(a) && (alias.isBlank() || alias.equals(a))) {
                    for (Certificate c : ks.getCertificateChain(a)) {
                        chain.add((X509Certificate) c);
                    }
                }
            }
            return TrustedCertificates.sslContext(chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("TLS: cannot read the server's certificate from " + location + ": " + e.getMessage(), e);
        }
    }
}
