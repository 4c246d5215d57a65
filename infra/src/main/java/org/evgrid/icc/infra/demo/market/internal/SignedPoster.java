package org.evgrid.icc.infra.demo.market.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.evgrid.icc.ledger.signing.EnvelopeSigner;
import org.evgrid.icc.ledger.signing.Envelopes;
import org.evgrid.icc.ledger.signing.SignedEnvelope;

/**
 * Signs a command with a partner's key and POSTs the envelope to the center's command endpoint, as a partner does
 * (real HTTP). Thread-safe.
 */
public final class SignedPoster {

    /** A signing key: id and private key. */
    public record Key(String keyId, PrivateKey key) {
    }

    /**
     * The center's answer.
     *
     * @param status HTTP status, 0 when none came
     * @param body the answer's text (or the failure)
     */
    public record Answer(int status, String body) {

        /** Accepted. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Worth sending again later: no answer or a server failure (a refusal is final). */
        public boolean retry() {
            return status == 0 || status >= 500;
        }
    }

    private final HttpClient http;
    private final EnvelopeSigner signer = new EnvelopeSigner();
    private final Supplier<String> nonces = EnvelopeSigner.randomNonces();
    private final Clock clock;

    public SignedPoster(Clock clock) {
        this(clock, null);
    }

    /**
     * With {@code tls} (trusting the center's certificate, e.g. {@code CenterTls.clientContext}) for an HTTPS center;
     * null = the system's trust store. Host names are verified either way.
     */
    public SignedPoster(Clock clock, SSLContext tls) {
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /** Signs the command now and POSTs it to the URL (the center's {@code /api/v1/commands}). */
    public Answer post(String url, Object command, Key key) {
        SignedEnvelope envelope = signer.sign(command, key.keyId(), key.key(), clock, nonces);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Envelopes.toJsonText(envelope), StandardCharsets.UTF_8)).build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(answer.statusCode(), answer.body());
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }
}
