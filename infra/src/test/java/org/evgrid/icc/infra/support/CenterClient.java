package org.evgrid.icc.infra.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.ledger.json.IccJson;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.EnvelopeSigner;
import org.evgrid.icc.ledger.signing.Envelopes;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.evgrid.icc.ledger.signing.SignedRequest;

/** A partner's view of the center in tests: real HTTP, real signatures. */
public final class CenterClient {

    /** An HTTP answer: status and JSON body. */
    public record Answer(int status, JsonNode body) {

        /** The problem code of a refusal, or null. */
        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asText();
        }
    }

    private final String base;
    private final HttpClient http;
    private final ObjectMapper mapper = IccJson.newMapper();
    private final EnvelopeSigner signer = new EnvelopeSigner();
    private final Supplier<String> nonces = EnvelopeSigner.randomNonces();

    private final Clock clock;

    public CenterClient(String base) {
        this(base, Clock.systemUTC());
    }

    /** A client that signs at the given clock's time (for a center whose clock a test moves). */
    public CenterClient(String base, Clock clock) {
        this(base, clock, null);
    }

    /** A client of an HTTPS center that trusts what {@code tls} trusts (e.g. exactly the center's certificate). */
    public CenterClient(String base, Clock clock, SSLContext tls) {
        this.base = base;
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /** Signs a command now (by this client's clock). */
    public SignedEnvelope sign(Object command, String keyId, PrivateKey key) {
        return sign(command, keyId, key, clock);
    }

    /** Signs a command at the given clock's time. */
    public SignedEnvelope sign(Object command, String keyId, PrivateKey key, Clock clock) {
        return signer.sign(command, keyId, key, clock, nonces);
    }

    /** Signs and sends a command. */
    public Answer send(Object command, String keyId, PrivateKey key) {
        return post(Envelopes.toJsonText(sign(command, keyId, key)));
    }

    /** Sends an envelope as it is. */
    public Answer post(SignedEnvelope envelope) {
        return post(Envelopes.toJsonText(envelope));
    }

    /** POSTs raw text to the command endpoint. */
    public Answer post(String body) {
        return exchange(HttpRequest.newBuilder(URI.create(base + "/api/v1/commands")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A GET signed with a key (machine client). */
    public Answer signedGet(String pathAndQuery, String keyId, PrivateKey key) {
        return exchange(signedGetRequest(pathAndQuery, keyId, key));
    }

    /** The request of a signed GET, to send yourself (e.g. to read a stream). */
    public HttpRequest.Builder signedGetRequest(String pathAndQuery, String keyId, PrivateKey key) {
        String timestamp = clock.instant().toString();
        String nonce = nonces.get();
        byte[] input = SignedRequest.signingInput("GET", pathAndQuery, timestamp, nonce);
        String signature = Base64.getEncoder().encodeToString(Crypto.sign(Crypto.algorithmOf(key), key, input));
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("X-ICC-Key-Id", keyId)
                .header("X-ICC-Timestamp", timestamp).header("X-ICC-Nonce", nonce).header("X-ICC-Signature", signature).GET();
    }

    /** The HTTP client, for streams. */
    public HttpClient http() {
        return http;
    }

    /** A GET as a console user (HTTP Basic), or anonymous when user is null. */
    public Answer get(String pathAndQuery, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return exchange(b);
    }

    private Answer exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? null : mapper.readTree(r.body());
            return new Answer(r.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
