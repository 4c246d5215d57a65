package org.evgrid.icc.command.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.command.common.Refused.assertRefused;
import static org.evgrid.icc.command.common.TestData.AREA;
import static org.evgrid.icc.command.market.MarketTestSupport.curve;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.evgrid.icc.command.EmbeddedMongo;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.CreateAggregationUnitCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.dr.BaselineRule;
import org.evgrid.icc.coreapi.dr.DrEventId;
import org.evgrid.icc.coreapi.dr.DrEventOptedInEvent;
import org.evgrid.icc.coreapi.dr.DrInterval;
import org.evgrid.icc.coreapi.dr.DrProgramId;
import org.evgrid.icc.coreapi.dr.DrProgramType;
import org.evgrid.icc.coreapi.dr.DrTargetType;
import org.evgrid.icc.coreapi.dr.OptInDrEventCommand;
import org.evgrid.icc.coreapi.dr.PublishDrEventCommand;
import org.evgrid.icc.coreapi.market.BidDirection;
import org.evgrid.icc.coreapi.market.BidDraftedEvent;
import org.evgrid.icc.coreapi.market.BidExpiredEvent;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.BidStatus;
import org.evgrid.icc.coreapi.market.DraftBidCommand;
import org.evgrid.icc.coreapi.market.MarketProductCode;
import org.evgrid.icc.coreapi.market.RetireMarketProductCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * Market and demand response commands on the command side as infra assembles it (component scan, Axon's Spring Boot
 * auto-configuration, "market-products" subscribing): handlers get the clock, the catalogue and the unit check as
 * beans, and a bid's gate-closure deadline reaches the aggregate.
 */
@SpringBootTest(classes = MarketSpringIT.Application.class, properties = {
    "axon.axonserver.enabled=false",
    "axon.eventhandling.processors.command-lookups.mode=subscribing",
    "axon.eventhandling.processors.market-products.mode=subscribing"})
class MarketSpringIT {

    /** Before the gates of 2099 and, in real time, long after those of October 2026. */
    private static final Instant NOW = Instant.parse("2099-11-10T00:00:00Z");

    @SpringBootApplication(scanBasePackages = "org.evgrid.icc.command", exclude = MongoAutoConfiguration.class)
    static class Application {

        @Bean(destroyMethod = "close")
        EmbeddedMongo embeddedMongo() {
            return new EmbeddedMongo();
        }

        @Bean
        MongoDatabase iccDatabase(EmbeddedMongo mongo) {
            return mongo.freshDatabase("icc");
        }

        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        @Bean
        DeadlineManager deadlineManager(Configuration configuration) {
            return SimpleDeadlineManager.builder().scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration)).build();
        }

        @Bean
        MarketTestSupport.TestClock clock() {
            return new MarketTestSupport.TestClock(NOW);
        }
    }

    @Autowired
    private CommandGateway gateway;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private MarketTestSupport.TestClock clock;

    private List<Object> eventsOf(String streamId) {
        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(streamId).asStream().map(DomainEventMessage::getPayload).forEach(payloads::add);
        return payloads;
    }

    @Test
    void bidsAndDemandResponseFlowThroughTheSpringAssembledCommandSide() throws InterruptedException {
        AggregationUnitId unit = new AggregationUnitId("AU-1");
        gateway.sendAndWait(new CreateAggregationUnitCommand(unit, "南京一号", AREA, "320000"));

        // A period whose gate (2026-10-31 10:00 Shanghai) has passed in real time: the deadline fires at once, early by the
        // test clock, and is re-scheduled until the clock reaches the gate.
        clock.set(Instant.parse("2026-10-30T00:00:00Z"));
        LocalDate day = LocalDate.of(2026, 11, 1);
        gateway.sendAndWait(new DraftBidCommand("DAY_AHEAD", day, unit, BidDirection.BUY, null, curve("100", 96), null, null, null));
        String bid = "bid:" + BidId.of("DAY_AHEAD", day, unit);
        clock.set(Instant.parse("2026-10-31T02:00:00Z"));
        for (int i = 0; i < 200 && eventsOf(bid).size() < 2; i++) {
            Thread.sleep(50);
        }
        assertThat(eventsOf(bid)).hasSize(2).first().isInstanceOf(BidDraftedEvent.class);
        assertThat(eventsOf(bid)).last().isInstanceOfSatisfying(BidExpiredEvent.class,
                expired -> assertThat(expired.statusBefore()).isEqualTo(BidStatus.DRAFT));

        clock.set(NOW);
        gateway.sendAndWait(new RetireMarketProductCommand(new MarketProductCode("REAL_TIME"), "暂停"));
        assertRefused(() -> gateway.sendAndWait(new DraftBidCommand("REAL_TIME", LocalDate.of(2099, 12, 1), unit, BidDirection.BUY, null,
                curve("1", 96), null, null, null)), ErrorCategory.UNPROCESSABLE, "ICC-BID-PRODUCT-RETIRED");

        DrEventId event = new DrEventId("DRE-20991201-01");
        gateway.sendAndWait(new PublishDrEventCommand(event, new DrProgramId("DRP-1"), DrProgramType.PEAK_SHAVING,
                BaselineRule.AVERAGE_OF_LAST_5_WORKDAYS, LocalDate.of(2099, 12, 1),
                List.of(new DrInterval(40, 48, DrTargetType.LOAD_REDUCTION, new BigDecimal("500"))), Instant.parse("2099-11-30T10:00:00Z"),
                false));
        gateway.sendAndWait(new OptInDrEventCommand(event, unit, new BigDecimal("450")));
        assertThat(eventsOf("dr-event:" + event)).last().isInstanceOf(DrEventOptedInEvent.class);
    }
}
