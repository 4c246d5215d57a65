package org.evgrid.icc.infra.gateway.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** One HTTP POST of a JSON body with an {@code Idempotency-Key}; never throws for transport failures. */
public final class HttpDelivery {

    /** The outcome: the status (0 when no answer came) and the answer's body, or the failure. */
    public record Outcome(int status, String body, String failure) {

        /** Whether the receiver answered 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Why the attempt failed, in a few words. */
        public String reason() {
            if (failure != null) {
                return failure;
            }
            String text = body == null ? "" : body.strip();
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
        }
    }

    /**
     * Signs what the center sends, so the receiver can prove who sent it (non-repudiation outbound as inbound): the
     * headers to add for an idempotency key and a body.
     */
    public interface BodySigner {

        /** The signature headers over {@link #signingInput}. */
        Map<String, String> headers(String idempotencyKey, byte[] body);

        /** What is signed: the idempotency key, a line feed, then the body's bytes exactly as sent. */
        static byte[] signingInput(String idempotencyKey, byte[] body) {
            byte[] head = (idempotencyKey + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] input = new byte[head.length + body.length];
            System.arraycopy(head, 0, input, 0, head.length);
            System.arraycopy(body, 0, input, head.length, body.length);
            return input;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final BodySigner signer;

    public HttpDelivery(Duration timeout) {
        this(timeout, null);
    }

    /** A delivery that signs every body with {@code signer} (null: unsigned). */
    public HttpDelivery(Duration timeout, BodySigner signer) {
        this.timeout = timeout;
        this.signer = signer;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** POSTs the body and waits for the answer at most the timeout. */
    public Outcome post(String url, String idempotencyKey, byte[] body) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey);
            if (signer != null) {
                signer.headers(idempotencyKey, body).forEach(builder::header);
            }
            HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Outcome(answer.statusCode(), answer.body(), null);
        } catch (HttpTimeoutException e) {
            return new Outcome(0, null, "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(0, null, "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, null, "interrupted");
        }
    }
}
