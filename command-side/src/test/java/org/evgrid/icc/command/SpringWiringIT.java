package org.evgrid.icc.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.command.common.Refused.assertRefused;
import static org.evgrid.icc.command.common.TestData.operator;
import static org.evgrid.icc.command.common.TestData.registerOperator;
import static org.evgrid.icc.command.common.TestData.registerStation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.evgrid.icc.coreapi.archive.DecommissionStationCommand;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.UpdatePileCommand;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.RevokeSignerKeyCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * The module's beans as infra assembles them: component scan of {@code org.evgrid.icc.command}, Axon's Spring Boot
 * auto-configuration, a {@link MongoDatabase} bean and "command-lookups" as a subscribing processor.
 */
@SpringBootTest(classes = SpringWiringIT.Application.class, properties = {
    "axon.axonserver.enabled=false",
    "axon.eventhandling.processors.command-lookups.mode=subscribing"})
class SpringWiringIT {

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
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }
    }

    @Autowired
    private CommandGateway gateway;
    @Autowired
    private EventStore eventStore;

    private List<DomainEventMessage<?>> events() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add((DomainEventMessage<?>) stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return events;
    }

    @Test
    void theArchiveFlowRunsOnTheSpringAssembledCommandSide() {
        gateway.sendAndWait(registerOperator("OP-1"));
        gateway.sendAndWait(registerStation("ST-1", "OP-1"));
        gateway.sendAndWait(new RegisterPileCommand(operator("OP-1"), new PileId("ST-1"), new StationId("ST-1"), PileType.AC,
                new BigDecimal("7"), BigDecimal.ZERO, null, 1));
        gateway.sendAndWait(new UpdatePileCommand(new PileId("ST-1"), operator("OP-1"), new BigDecimal("11"), BigDecimal.ZERO, null, 1));

        assertThat(events()).extracting(DomainEventMessage::getAggregateIdentifier)
                .containsExactly("operator:OP-1", "key:OP-1-K1", "station:ST-1", "pile:ST-1", "pile:ST-1");
        assertRefused(() -> gateway.sendAndWait(new DecommissionStationCommand(new StationId("ST-1"), operator("OP-1"), null)),
                ErrorCategory.UNPROCESSABLE, "ICC-STATION-HAS-PILES");
        assertRefused(() -> gateway.sendAndWait(new RevokeSignerKeyCommand(new KeyId("NO-SUCH-KEY"), null)),
                ErrorCategory.NOT_FOUND, "ICC-KEY-UNKNOWN");
    }
}
