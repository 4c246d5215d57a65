package org.evgrid.icc.command.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.command.common.Refused.assertRefused;
import static org.evgrid.icc.command.common.TestData.AREA;

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
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.declaration.AmendDemandCommand;
import org.evgrid.icc.coreapi.declaration.DeclarationStatus;
import org.evgrid.icc.coreapi.declaration.DeclareDemandCommand;
import org.evgrid.icc.coreapi.declaration.DemandAmendedEvent;
import org.evgrid.icc.coreapi.declaration.DemandDeclarationFrozenEvent;
import org.evgrid.icc.coreapi.declaration.DemandDeclaredEvent;
import org.evgrid.icc.coreapi.declaration.DeclarationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * Declarations on the command side as infra assembles it (component scan, Axon's Spring Boot auto-configuration): the
 * handlers get the clock, the deadline manager (Axon's default here; JobRunr's in infra), the products and the unit
 * check as parameters, and the gate-closure deadline reaches the aggregate.
 */
@SpringBootTest(classes = DeclarationSpringIT.Application.class, properties = {
    "axon.axonserver.enabled=false",
    "axon.eventhandling.processors.command-lookups.mode=subscribing"})
class DeclarationSpringIT {

    /** Before the gate of December 2099 (2099-11-20 17:00 Shanghai) and, in real time, long after that of December 2026. */
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

        /** Infra declares its JobRunr deadline manager as a bean the same way; handlers get it as a parameter. */
        @Bean
        DeadlineManager deadlineManager(Configuration configuration) {
            return SimpleDeadlineManager.builder().scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration)).build();
        }

        @Bean
        DemandDeclarationTest.MovableClock clock() {
            return new DemandDeclarationTest.MovableClock(NOW);
        }
    }

    @Autowired
    private CommandGateway gateway;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private DemandDeclarationTest.MovableClock clock;

    private List<Object> eventsOf(DeclarationId id) {
        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(DeclarationTargetResolver.streamId(id)).asStream().map(DomainEventMessage::getPayload).forEach(payloads::add);
        return payloads;
    }

    @Test
    void declarationsFlowThroughTheSpringAssembledCommandSideAndFreezeAtTheGate() throws InterruptedException {
        OperatorId operator = new OperatorId("OP-1");
        AggregationUnitId unit = new AggregationUnitId("AU-1");
        gateway.sendAndWait(new CreateAggregationUnitCommand(unit, "南京一号", AREA, "320000"));

        LocalDate december2099 = LocalDate.of(2099, 12, 1);
        gateway.sendAndWait(new DeclareDemandCommand(operator, "MLT_MONTHLY", december2099, unit, new BigDecimal("1000"), null));
        gateway.sendAndWait(new AmendDemandCommand(operator, "MLT_MONTHLY", december2099, unit, new BigDecimal("900"), null));
        DeclarationId open = DeclarationId.of(operator, "MLT_MONTHLY", december2099, unit);
        assertThat(eventsOf(open)).hasExactlyElementsOfTypes(DemandDeclaredEvent.class, DemandAmendedEvent.class);
        assertRefused(() -> gateway.sendAndWait(new DeclareDemandCommand(operator, "MLT_MONTHLY", december2099,
                new AggregationUnitId("AU-NONE"), BigDecimal.ONE, null)), ErrorCategory.NOT_FOUND, "ICC-UNIT-UNKNOWN");

        // A period whose gate (2026-11-20 17:00 Shanghai) has passed in real time: the deadline manager fires at once.
        clock.set(Instant.parse("2026-11-10T00:00:00Z"));
        LocalDate december2026 = LocalDate.of(2026, 12, 1);
        gateway.sendAndWait(new DeclareDemandCommand(operator, "MLT_MONTHLY", december2026, unit, new BigDecimal("10"), null));
        DeclarationId past = DeclarationId.of(operator, "MLT_MONTHLY", december2026, unit);
        for (int i = 0; i < 200 && eventsOf(past).size() < 2; i++) {
            Thread.sleep(50);
        }
        assertThat(eventsOf(past)).last().isInstanceOfSatisfying(DemandDeclarationFrozenEvent.class,
                frozen -> assertThat(frozen.status()).isEqualTo(DeclarationStatus.DECLARED));
        assertRefused(() -> gateway.sendAndWait(new AmendDemandCommand(operator, "MLT_MONTHLY", december2026, unit, BigDecimal.ONE, null)),
                ErrorCategory.UNPROCESSABLE, "ICC-DECL-GATE-CLOSED");
        clock.set(NOW);
    }
}
