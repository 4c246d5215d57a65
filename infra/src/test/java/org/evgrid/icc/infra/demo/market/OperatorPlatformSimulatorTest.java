package org.evgrid.icc.infra.demo.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.demo.market.internal.SignedPoster;
import org.evgrid.icc.ledger.json.IccJson;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.Envelopes;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator-platform simulator over HTTP; the center is a local receiver of signed envelopes. */
class OperatorPlatformSimulatorTest {

    private static final KeyPair KEY = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);

    private HttpServer center;
    private OperatorPlatformSimulator platforms;
    private final List<SignedEnvelope> envelopes = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = IccJson.newMapper();

    @BeforeEach
    void start() throws IOException {
        center = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        center.createContext("/api/v1/commands", x -> {
            try (x) {
                envelopes.add(Envelopes.parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                byte[] ok = "{\"status\":\"ACCEPTED\"}".getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(200, ok.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(ok);
                }
            }
        });
        center.start();
        SimProperties.Operators config = new SimProperties.Operators(true, 0, List.of("OP-NO"), List.of("OP-QUIET"), Duration.ofMillis(50));
        platforms = new OperatorPlatformSimulator(0, config, op -> new SignedPoster.Key("key-" + op.value(), KEY.getPrivate()),
                new SignedPoster(Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        platforms.close();
        center.stop(0);
    }

    private ObjectNode instruction(String operator) {
        ObjectNode body = json.createObjectNode();
        body.put("instructionId", "DP-BID-DAY_AHEAD-20261201-AU-1~" + operator).put("version", 1).put("operatorId", operator)
                .put("responseUrl", "http://localhost:" + center.getAddress().getPort() + "/api/v1/commands");
        body.putArray("chargingProfiles").add(json.createObjectNode().put("pileId", "P-1"))
                .add(json.createObjectNode().put("pileId", "P-2"))
                .add(json.createObjectNode().put("pileId", "P-3"));
        return body;
    }

    private JsonNode send(String operator, String idempotencyKey) throws IOException, InterruptedException {
        String url = platforms.urlTemplate().replace("{operatorId}", operator);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(instruction(operator))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    @Test
    void aPlatformAcceptsAtOnceAndReportsItsResultSignedWithItsKeyAMomentLater() throws Exception {
        JsonNode answer = send("OP-A", "DP-BID-DAY_AHEAD-20261201-AU-1~OP-A-v1");

        assertThat(answer.get("result").asText()).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(10)).until(() -> envelopes.size() == 1);
        SignedEnvelope e = envelopes.get(0);
        assertThat(e.commandType()).isEqualTo("ReportInstructionResult");
        assertThat(e.keyId()).isEqualTo("key-OP-A");
        assertThat(e.payload().get("instructionId").asText()).isEqualTo("DP-BID-DAY_AHEAD-20261201-AU-1~OP-A");
        assertThat(e.payload().get("operatorId").asText()).isEqualTo("OP-A");
        assertThat(e.payload().get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(e.payload().get("appliedPiles").asInt()).isEqualTo(3);
        assertThat(Crypto.verify(SignatureAlgorithm.ED25519, KEY.getPublic(), Envelopes.signingInput(e),
                Base64.getDecoder().decode(e.signature()))).as("signed with the platform key").isTrue();
        assertThat(platforms.results()).hasSize(1).allMatch(r -> r.status() == 200);
    }

    @Test
    void aRepeatedInstructionVersionIsAnsweredAgainButReportedOnce() throws Exception {
        send("OP-A", "DP-X~OP-A-v1");
        JsonNode again = send("OP-A", "DP-X~OP-A-v1");
        send("OP-A", "DP-X~OP-A-v2");

        assertThat(again.get("result").asText()).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(10)).until(() -> envelopes.size() == 2);
        Thread.sleep(300);
        assertThat(envelopes).hasSize(2);
    }

    @Test
    void aPlatformOnTheRejectListAnswersRejectedAndReportsNothing() throws Exception {
        JsonNode answer = send("OP-NO", "k1");
        send("OP-A", "k2");

        assertThat(answer.get("result").asText()).isEqualTo("REJECTED");
        await().atMost(Duration.ofSeconds(10)).until(() -> envelopes.size() == 1);
        Thread.sleep(300);
        assertThat(envelopes).extracting(e -> e.payload().get("operatorId").asText()).containsExactly("OP-A");
    }

    @Test
    void aSilentPlatformAcceptsButNeverReportsAResult() throws Exception {
        JsonNode answer = send("OP-QUIET", "k1");
        send("OP-A", "k2");

        assertThat(answer.get("result").asText()).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(10)).until(() -> envelopes.size() == 1);
        Thread.sleep(300);
        assertThat(envelopes).extracting(e -> e.payload().get("operatorId").asText()).containsExactly("OP-A");
        assertThat(platforms.results()).extracting(r -> r.command().operatorId()).containsExactly(new OperatorId("OP-A"));
    }

    @Test
    void anInstructionWithoutItsIdIsRefused() throws Exception {
        String url = platforms.urlTemplate().replace("{operatorId}", "OP-A");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
    }
}
