package org.evgrid.icc.infra.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.infra.support.CenterClient.Answer;

/**
 * A console user's view of the center in tests: plain HTTP requests with an Authorization header of the test's choice
 * (HTTP Basic, a session's bearer token, or none), answered as {@link Answer}. Signed requests: {@link CenterClient}.
 */
public final class ConsoleHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A client of the center on the local port, each request timing out after 30 seconds. */
    public ConsoleHttp(int port) {
        this(port, Duration.ofSeconds(30));
    }

    public ConsoleHttp(int port, Duration timeout) {
        this.base = "http://localhost:" + port;
        this.timeout = timeout;
    }

    /** The Authorization header of HTTP Basic. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The Authorization header of a session token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A request to the path, with the Authorization header unless it is null; method and body are the caller's. */
    public HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    public Answer get(String path, String authorization) throws IOException, InterruptedException {
        return send(request(path, authorization).GET());
    }

    /** A POST; a body that is not empty is sent as JSON. */
    public Answer post(String path, String authorization, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path, authorization);
        if (!body.isEmpty()) {
            b.header("Content-Type", "application/json");
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer delete(String path, String authorization) throws IOException, InterruptedException {
        return send(request(path, authorization).DELETE());
    }

    /** Sends the request; the answer's body is read as JSON (null when empty). */
    public Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = raw(request);
        return new Answer(r.statusCode(), r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body()));
    }

    /** Sends the request and answers the response as it is (headers, text). */
    public HttpResponse<String> raw(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts a refusal: the status, the problem code, and a Chinese and an English message and a fix. */
    public static void refusal(Answer a, int status, String code) {
        refusal(a, status, code, null);
    }

    /** Asserts a refusal as {@link #refusal(Answer, int, String)}, naming the field at fault unless {@code field} is null. */
    public static void refusal(Answer a, int status, String code, String field) {
        assertThat(a.status()).as("%s", a.body()).isEqualTo(status);
        assertThat(a.code()).isEqualTo(code);
        if (field != null) {
            assertThat(a.body().path("field").asText()).isEqualTo(field);
        }
        assertThat(a.body().path("messageZh").asText()).isNotBlank();
        assertThat(a.body().path("messageEn").asText()).isNotBlank();
        assertThat(a.body().path("fix").asText()).isNotBlank();
    }
}
