package org.evgrid.icc.command.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.command.common.Refused.assertRefused;
import static org.evgrid.icc.command.common.TestData.AREA;
import static org.evgrid.icc.command.market.MarketTestSupport.curve;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.evgrid.icc.command.EmbeddedMongo;
import org.evgrid.icc.command.archive.AggregationUnit;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.declaration.DeclarationUnits;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.CreateAggregationUnitCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.market.BidDirection;
import org.evgrid.icc.coreapi.market.BidDraftedEvent;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.DefineMarketProductCommand;
import org.evgrid.icc.coreapi.market.DraftBidCommand;
import org.evgrid.icc.coreapi.market.MarketProductCode;
import org.evgrid.icc.coreapi.market.RetireMarketProductCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Products and bids through the command gateway on Axon's plain configuration (in-memory events) with the catalogue on
 * mongo-java-server in a subscribing "market-products" processor: a redefinition or retirement holds for the very next
 * bid.
 */
class MarketFlowIT {

    private static final AggregationUnitId UNIT = new AggregationUnitId("AU-1");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    /** 2026-11-30 09:30 Asia/Shanghai: after a 09:00 gate, before the default 10:00. */
    private static final Instant HALF_PAST_NINE = Instant.parse("2026-11-30T01:30:00Z");

    private EmbeddedMongo mongo;
    private Configuration axon;
    private final MarketTestSupport.TestClock clock = new MarketTestSupport.TestClock(HALF_PAST_NINE);

    @BeforeEach
    void start() {
        mongo = new EmbeddedMongo();
        MongoDatabase database = mongo.freshDatabase("icc");
        MarketProductCatalogue catalogue = new MarketProductCatalogue(database);
        IccCommandTargetResolver targets = new IccCommandTargetResolver();
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(MarketProductLookup.class, c -> catalogue)
                .registerComponent(DeclarationUnits.class, c -> new DeclarationUnits(c.eventStore()));
        for (Class<?> type : List.of(AggregationUnit.class, MarketProduct.class, Bid.class)) {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type).configureCommandTargetResolver(c -> targets));
        }
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(MarketProductCatalogue.PROCESSING_GROUP)
                .registerEventHandler(c -> catalogue)
                .registerListenerInvocationErrorHandler(MarketProductCatalogue.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
        axon = configurer.buildConfiguration();
        axon.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        mongo.close();
    }

    private DraftBidCommand draft() {
        return new DraftBidCommand("DAY_AHEAD", DAY, UNIT, BidDirection.BUY, null, curve("100", 96), null, null, null);
    }

    @Test
    void aRedefinedGateAndARetirementHoldForTheNextBid() {
        CommandGateway gateway = axon.commandGateway();
        gateway.sendAndWait(new CreateAggregationUnitCommand(UNIT, "南京一号", AREA, "320000"));

        gateway.sendAndWait(new DefineMarketProductCommand(MarketProductTest.DAY_AHEAD_AT_NINE, "截止时间提前到 9 点"));
        IccException closed = assertRefused(() -> gateway.sendAndWait(draft()), ErrorCategory.UNPROCESSABLE, "ICC-BID-GATE-CLOSED");
        assertThat(closed.messageEn()).contains("2026-11-30 09:00");

        clock.set(Instant.parse("2026-11-29T00:00:00Z"));
        gateway.sendAndWait(draft());
        assertThat(axon.eventStore().readEvents("bid:" + BidId.of("DAY_AHEAD", DAY, UNIT)).asStream().map(m -> m.getPayload()))
                .singleElement().isInstanceOfSatisfying(BidDraftedEvent.class,
                        drafted -> assertThat(drafted.gateClosure()).isEqualTo(Instant.parse("2026-11-30T01:00:00Z")));

        gateway.sendAndWait(new RetireMarketProductCommand(new MarketProductCode("DAY_AHEAD"), "暂停日前交易"));
        assertRefused(() -> gateway.sendAndWait(new DraftBidCommand("DAY_AHEAD", DAY.plusDays(1), UNIT, BidDirection.BUY, null,
                curve("100", 96), null, null, null)), ErrorCategory.UNPROCESSABLE, "ICC-BID-PRODUCT-RETIRED");
    }
}
