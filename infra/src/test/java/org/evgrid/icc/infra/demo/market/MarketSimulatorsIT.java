package org.evgrid.icc.infra.demo.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.dispatch.DispatchInstructionIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.market.BidDirection;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.BidSubmittedEvent;
import org.evgrid.icc.coreapi.market.MarketSegment;
import org.evgrid.icc.coreapi.security.FindSignerKeyQuery;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignerKeyView;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.gateway.internal.OutboxStore;
import org.evgrid.icc.ledger.signing.Crypto;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The wiring in the running center: the simulators start with it, the exchange's key is registered, and events reach
 * them through the gateway's outbox (processor gateway-outbox) over real HTTP with the simulators' addresses as
 * fallback; the operator platform reports back to the center's own port. (What the center then does with the
 * acknowledgements and results belongs to the market and dispatch modules.)
 */
class MarketSimulatorsIT {

    @Test
    void eventsReachTheSimulatorsThroughTheOutboxAndTheExchangeKeyIsRegistered() throws Exception {
        Path data = Files.createTempDirectory("icc-market-sim-it");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(IccApplication.class).run("--icc.data-dir=" + data,
                "--server.port=0", "--icc.demo.enabled=false", "--icc.sim.exchange.enabled=true", "--icc.sim.operators.enabled=true",
                "--icc.sim.operators.result-delay=PT0.2S")) {
            MarketSimulators sims = ctx.getBean(MarketSimulators.class);
            QueryGateway queries = ctx.getBean(QueryGateway.class);
            FindSignerKeyQuery findKey = new FindSignerKeyQuery(new KeyId(MarketSimulators.EXCHANGE_KEY_ID));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> queries.query(findKey, ResponseTypes.optionalInstanceOf(SignerKeyView.class)).get().isPresent());
            Optional<SignerKeyView> key = queries.query(new FindSignerKeyQuery(new KeyId(MarketSimulators.EXCHANGE_KEY_ID)),
                    ResponseTypes.optionalInstanceOf(SignerKeyView.class)).get();
            assertThat(key.orElseThrow().roles()).containsExactly(Role.EXCHANGE_GATEWAY);

            BidId bid = new BidId("BID-DAY_AHEAD-20261201-AU-JS-NJ-1");
            EventGateway events = ctx.getBean(EventGateway.class);
            events.publish(new BidSubmittedEvent(bid, 1, bid.value() + "-v1", "DAY_AHEAD", MarketSegment.DAY_AHEAD_SPOT,
                    DeclarationKind.CURVE, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), new AggregationUnitId("AU-JS-NJ-1"),
                    BidDirection.BUY, null,
                    Collections.nCopies(96, new BigDecimal("500.000")), new BigDecimal("450.00"), Instant.parse("2026-11-30T02:00:00Z")));
            await().atMost(Duration.ofSeconds(30)).until(() -> sims.exchange().book().bid(bid.value() + "-v1") != null);

            MongoDatabase db = ctx.getBean(MongoDatabase.class);
            OperatorId op = new OperatorId("OP-SIM-IT");
            DispatchPlanId plan = DispatchPlanId.forBid(bid);
            db.getCollection("dispatch_schedules").insertOne(new Document("_id", plan.value() + "|v1").append("operators",
                    List.of(new Document("operatorId", op.value()).append("piles", 1).append("chunks", 1))));
            List<Integer> w = new ArrayList<>(Collections.nCopies(96, 7000));
            db.getCollection("dispatch_schedules").insertOne(new Document("_id", plan.value() + "|v1|" + op.value() + "|0000")
                    .append("pileIds", List.of("P-1")).append("w", w));
            sims.usePlatformKey(op, "key-op-sim-it", Crypto.generateKeyPair(SignatureAlgorithm.ED25519).getPrivate());
            events.publish(new DispatchInstructionIssuedEvent(InstructionId.of(plan, op), plan, 1, op, new AggregationUnitId("AU-JS-NJ-1"),
                    LocalDate.of(2026, 12, 1), 1, Collections.nCopies(96, new BigDecimal("7.000")), "digest",
                    Instant.now().plusSeconds(600)));

            await().atMost(Duration.ofSeconds(30)).until(() -> !sims.operators().results().isEmpty());
            OperatorPlatformSimulator.SentResult result = sims.operators().results().get(0);
            assertThat(result.url()).as("the response address is the center's own").endsWith(":" + ctx.getEnvironment()
                    .getProperty("local.server.port") + "/api/v1/commands");
            assertThat(result.command().appliedPiles()).isEqualTo(1);
            assertThat(result.status()).as("the center was reached (it refuses: no dispatch module on this branch)")
                    .isGreaterThanOrEqualTo(400);
            Document item = db.getCollection(OutboxStore.COLLECTION).find(new Document("_id", bid.value() + "-v1")).first();
            assertThat(item.getInteger("attempt")).isEqualTo(1);
        }
    }
}
