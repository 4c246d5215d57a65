package org.evgrid.icc.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evgrid.icc.command.common.Refused.assertRefused;
import static org.evgrid.icc.command.dispatch.PlanTestData.PLAN;
import static org.evgrid.icc.command.dispatch.PlanTestData.inputs;
import static org.evgrid.icc.command.dispatch.PlanTestData.propose;
import static org.evgrid.icc.command.dispatch.PlanTestData.recomputedDigest;
import static org.evgrid.icc.command.dispatch.PlanTestData.target;
import static org.evgrid.icc.command.dispatch.PlanTestData.unitPiles;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.command.EmbeddedMongo;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.dispatch.ApproveDispatchPlanCommand;
import org.evgrid.icc.coreapi.dispatch.DispatchInputs;
import org.evgrid.icc.coreapi.dispatch.DispatchInstructionIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanApprovedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanProposedEvent;
import org.evgrid.icc.coreapi.dispatch.FindDispatchInputsQuery;
import org.evgrid.icc.coreapi.dispatch.IssueDispatchInstructionsCommand;
import org.evgrid.icc.coreapi.dispatch.RecordIntervalExecutionCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * Dispatch plans on the command side as infra assembles it: the inputs come through Axon's query gateway (answered here
 * by a stand-in for the query side), the schedule goes to Mongo, the instruction timeout from the {@link DispatchSettings}
 * bean.
 */
@SpringBootTest(classes = DispatchPlanSpringIT.Application.class, properties = {
    "axon.axonserver.enabled=false",
    "axon.eventhandling.processors.command-lookups.mode=subscribing"})
class DispatchPlanSpringIT {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

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
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        DispatchSettings dispatchSettings() {
            return new DispatchSettings(Duration.ofMinutes(3));
        }

        /** Stands in for the query side's answer to {@link FindDispatchInputsQuery}. */
        @Bean
        InputsAnswer inputsAnswer() {
            return new InputsAnswer();
        }
    }

    /** Answers the unit's piles for any unit and day. */
    static class InputsAnswer {
        @QueryHandler
        public DispatchInputs handle(FindDispatchInputsQuery query) {
            return inputs(unitPiles());
        }
    }

    @Autowired
    private CommandGateway gateway;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private MongoDatabase database;

    private List<Object> events() {
        return eventStore.readEvents(StreamIds.of(PLAN)).asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    @Test
    void aPlanIsProposedFromQueriedInputsApprovedAndIssuedWithTheConfiguredTimeout() {
        gateway.sendAndWait(propose(target("9")));
        gateway.sendAndWait(propose(target("9")));
        DispatchPlanProposedEvent proposed = (DispatchPlanProposedEvent) events().get(0);
        Document index = database.getCollection("dispatch_schedules").find(Filters.eq("_id", PLAN.value() + "|v1")).first();
        assertThat(index.getString("digest")).isEqualTo(proposed.scheduleDigest());
        assertThat(recomputedDigest(index, id -> database.getCollection("dispatch_schedules").find(Filters.eq("_id", id)).first()))
                .isEqualTo(proposed.scheduleDigest());

        assertRefused(() -> gateway.sendAndWait(new RecordIntervalExecutionCommand(PLAN, 40, BigDecimal.TEN, 3, 3, true, null, null)),
                ErrorCategory.CONFLICT, "ICC-PLAN-NOT-ISSUED");
        gateway.sendAndWait(new ApproveDispatchPlanCommand(PLAN, 1, null));
        gateway.sendAndWait(new IssueDispatchInstructionsCommand(PLAN));

        List<Object> events = events();
        assertThat(events).hasExactlyElementsOfTypes(DispatchPlanProposedEvent.class, DispatchPlanApprovedEvent.class,
                DispatchInstructionIssuedEvent.class, DispatchInstructionIssuedEvent.class, DispatchPlanIssuedEvent.class);
        assertThat(((DispatchInstructionIssuedEvent) events.get(2)).responseDeadline()).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
    }
}
