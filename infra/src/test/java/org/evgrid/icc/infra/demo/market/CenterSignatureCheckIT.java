package org.evgrid.icc.infra.demo.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.demo.market.internal.CenterSignatureCheck;
import org.evgrid.icc.infra.demo.market.internal.ExchangeBook;
import org.evgrid.icc.infra.demo.market.internal.SignedPoster;
import org.evgrid.icc.infra.gateway.internal.HttpDelivery;
import org.evgrid.icc.ledger.json.IccJson;
import org.evgrid.icc.ledger.signing.Crypto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated exchange and operator platforms take only what the center signed: a body signed with the center's key
 * over its idempotency key is taken; an unsigned one, one signed with another key, and one altered after signing are
 * answered 401 with a problem body, which the gateway's delivery sees as a failed HTTP delivery.
 */
class CenterSignatureCheckIT {

    private static final String CENTER_KEY_ID = "center-sm2";
    private static final KeyPair CENTER = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
    private static final KeyPair FORGER = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);

    private MongoServer mongo;
    private MongoClient client;
    private ExchangeSimulator exchange;
    private OperatorPlatformSimulator platforms;
    private final ObjectMapper json = IccJson.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoDatabase database = client.getDatabase("icc");
        SimProperties.Exchange config = new SimProperties.Exchange(true, 0, Duration.ofMinutes(2), new BigDecimal("1500"),
                List.of(new SimProperties.Step(new BigDecimal("300"), new BigDecimal("1"))),
                List.of(new SimProperties.Step(new BigDecimal("100"), new BigDecimal("0.001"))), false);
        exchange = new ExchangeSimulator(0, new ExchangeBook(database.getCollection(ExchangeBook.COLLECTION), config, command -> false));
        platforms = new OperatorPlatformSimulator(0, new SimProperties.Operators(true, 0, List.of(), List.of("OP-A"), Duration.ofMillis(50)),
                op -> null, new SignedPoster(Clock.systemUTC()));
        CenterSignatureCheck check = new CenterSignatureCheck(CENTER_KEY_ID, SignatureAlgorithm.SM2_SM3, CENTER.getPublic());
        exchange.requireCenterSignature(check);
        platforms.requireCenterSignature(check);
    }

    @AfterEach
    void stop() {
        exchange.close();
        platforms.close();
        client.close();
        mongo.shutdownNow();
    }

    private static HttpDelivery.BodySigner signer(PrivateKey key) {
        return (idempotencyKey, body) -> Map.of("X-ICC-Key-Id", CENTER_KEY_ID, "X-ICC-Signature-Algorithm", "SM2_SM3",
                "X-ICC-Signature", Base64.getEncoder().encodeToString(Crypto.sign(SignatureAlgorithm.SM2_SM3, key,
                        HttpDelivery.BodySigner.signingInput(idempotencyKey, body))));
    }

    private byte[] bid() throws IOException {
        var bid = json.createObjectNode();
        bid.put("bidId", "BID-1").put("version", 1).put("requestId", "BID-1-v1").put("product", "DAY_AHEAD").put("kind", "CURVE")
                .put("periodStart", "2026-12-01").put("periodEnd", "2026-12-01").put("unitId", "AU-1").put("direction", "BUY")
                .put("gateClosure", "2026-11-30T02:00:00Z");
        var curve = bid.putArray("curveKw");
        for (int k = 0; k < 96; k++) {
            curve.add(new BigDecimal("100.000"));
        }
        return json.writeValueAsBytes(bid);
    }

    private byte[] instruction() throws IOException {
        return json.writeValueAsBytes(json.createObjectNode().put("instructionId", "DP-1~OP-A").put("version", 1).put("operatorId", "OP-A"));
    }

    private String instructionUrl() {
        return platforms.urlTemplate().replace("{operatorId}", "OP-A");
    }

    private void assertRefused(HttpDelivery.Outcome outcome) throws IOException {
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.status()).isEqualTo(401);
        JsonNode problem = json.readTree(outcome.body());
        assertThat(problem.path("code").asText()).isEqualTo(CenterSignatureCheck.CODE);
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("fix").asText()).isNotBlank();
        assertThat(outcome.reason()).as("what the gateway records").startsWith("HTTP 401").contains(CenterSignatureCheck.CODE);
    }

    @Test
    void whatTheCenterSignedIsTaken() throws IOException {
        HttpDelivery signed = new HttpDelivery(Duration.ofSeconds(5), signer(CENTER.getPrivate()));

        HttpDelivery.Outcome bid = signed.post(exchange.url() + "/bids", "BID-1-v1", bid());
        assertThat(bid.status()).as(bid.reason()).isEqualTo(202);
        HttpDelivery.Outcome instruction = signed.post(instructionUrl(), "DP-1~OP-A-v1", instruction());
        assertThat(instruction.status()).as(instruction.reason()).isEqualTo(200);
        assertThat(instruction.body()).contains("ACCEPTED");
        HttpDelivery.Outcome report = signed.post(exchange.url() + "/dr/performance", "DR-1", "{\"eventId\":\"DR-1\"}".getBytes(
                StandardCharsets.UTF_8));
        assertThat(report.status()).isEqualTo(202);
        assertThat(exchange.drReports()).hasSize(1);
    }

    @Test
    void unsignedAndForgedRequestsAreRefusedAndTakenNowhere() throws IOException {
        HttpDelivery unsigned = new HttpDelivery(Duration.ofSeconds(5));
        HttpDelivery forged = new HttpDelivery(Duration.ofSeconds(5), signer(FORGER.getPrivate()));

        assertRefused(unsigned.post(exchange.url() + "/bids", "BID-1-v1", bid()));
        assertRefused(forged.post(exchange.url() + "/bids", "BID-1-v1", bid()));
        assertRefused(unsigned.post(instructionUrl(), "DP-1~OP-A-v1", instruction()));
        assertRefused(forged.post(instructionUrl(), "DP-1~OP-A-v1", instruction()));
        assertRefused(forged.post(exchange.url() + "/dr/performance", "DR-1", "{\"eventId\":\"DR-1\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(exchange.drReports()).isEmpty();
    }

    @Test
    void aBodyOrIdempotencyKeyAlteredAfterSigningIsRefused() throws Exception {
        byte[] body = bid();
        Map<String, String> headers = signer(CENTER.getPrivate()).headers("BID-1-v1", body);
        byte[] altered = new String(body, StandardCharsets.UTF_8).replace("\"BUY\"", "\"SELL\"").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> alteredBody = send(exchange.url() + "/bids", "BID-1-v1", headers, altered);
        assertThat(alteredBody.statusCode()).isEqualTo(401);
        assertThat(alteredBody.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(alteredBody.body()).path("detail").asText()).contains("altered or forged");
        assertThat(send(exchange.url() + "/bids", "BID-2-v1", headers, body).statusCode()).as("another idempotency key").isEqualTo(401);
        assertThat(send(exchange.url() + "/bids", "BID-1-v1", headers, body).statusCode()).as("the original still verifies").isEqualTo(202);
    }

    private HttpResponse<String> send(String url, String idempotencyKey, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey);
        headers.forEach(b::header);
        return http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
