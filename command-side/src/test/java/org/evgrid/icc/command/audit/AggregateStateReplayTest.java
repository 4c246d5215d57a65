package org.evgrid.icc.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evgrid.icc.command.common.TestData.operator;
import static org.evgrid.icc.command.common.TestData.pileRegistered;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.PileAssignedToUnitEvent;
import org.evgrid.icc.coreapi.archive.PileDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRemovedFromUnitEvent;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.audit.AggregateStateView;
import org.evgrid.icc.coreapi.audit.FindAggregateStateQuery;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.market.BidDirection;
import org.evgrid.icc.coreapi.market.BidDraftedEvent;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.MarketSegment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregateStateReplayTest {

    private static final String STREAM = "pile:P-1";
    private static final PileId P1 = new PileId("P-1");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-03T08:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-04T08:00:00Z");

    private EventStore events;
    private AggregateStateReplay replay;

    @BeforeEach
    void storeAPileThatJoinsAUnitLeavesItAndIsDecommissioned() {
        events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store(0, pileRegistered("P-1", "OP-1", PileType.DC), T0);
        store(1, new PileAssignedToUnitEvent(P1, new AggregationUnitId("U-1"), operator("OP-1")), T1);
        store(2, new PileRemovedFromUnitEvent(P1, new AggregationUnitId("U-1"), operator("OP-1")), T2);
        store(3, new PileDecommissionedEvent(P1, operator("OP-1"), new StationId("ST-1"), "end of life"), T3);
        replay = new AggregateStateReplay(events, new ObjectMapper().registerModule(new JavaTimeModule()));
    }

    private void store(long seq, Object payload, Instant at) {
        events.publish(new GenericDomainEventMessage<>("Pile", STREAM, seq, payload, MetaData.emptyInstance(),
                "event-" + seq, at));
    }

    @Test
    void theStateBetweenJoiningAndLeavingAUnitShowsTheUnitAndTheLastEventApplied() {
        AggregateStateView view = replay.handle(new FindAggregateStateQuery(STREAM, T1.plusSeconds(60)));

        assertThat(view.aggregateType()).isEqualTo("Pile");
        assertThat(view.lastSequence()).isEqualTo(1);
        assertThat(view.lastEventTime()).isEqualTo(T1);
        assertThat(view.eventsApplied()).isEqualTo(2);
        assertThat(view.state()).containsEntry("streamId", STREAM).containsEntry("decommissioned", false)
                .containsEntry("unitId", Map.of("value", "U-1")).containsEntry("type", "DC");
    }

    @Test
    void anInstantExactlyAtAnEventIncludesItAndTheStateBeforeTheUnitHasNone() {
        AggregateStateView atRegistration = replay.handle(new FindAggregateStateQuery(STREAM, T0));
        assertThat(atRegistration.lastSequence()).isZero();
        assertThat(atRegistration.state()).containsEntry("unitId", null);

        AggregateStateView afterLeaving = replay.handle(new FindAggregateStateQuery(STREAM, T2));
        assertThat(afterLeaving.lastSequence()).isEqualTo(2);
        assertThat(afterLeaving.state()).containsEntry("unitId", null).containsEntry("decommissioned", false);
    }

    @Test
    void withoutAnInstantEveryEventIsAppliedAndTheLiveStoreIsNotTouched() {
        AggregateStateView now = replay.handle(new FindAggregateStateQuery(STREAM, null));
        assertThat(now.lastSequence()).isEqualTo(3);
        assertThat(now.state()).containsEntry("decommissioned", true);
        assertThat(events.lastSequenceNumberFor(STREAM)).contains(3L);
    }

    @Test
    void anAggregateWhoseCommandHandlersTakeCollaboratorsIsReplayedToo() {
        BidId bid = new BidId("BID-DAY_AHEAD-20261201-AU-1");
        events.publish(new GenericDomainEventMessage<>("Bid", "bid:" + bid, 0, new BidDraftedEvent(bid, "DAY_AHEAD",
                MarketSegment.DAY_AHEAD_SPOT, DeclarationKind.CURVE, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1),
                new AggregationUnitId("AU-1"), BidDirection.BUY, null, Collections.nCopies(96, new BigDecimal("10.000")),
                new BigDecimal("500.00"), null, T1, 1, "test"), MetaData.emptyInstance(), "event-bid", T0));
        AggregateStateView view = replay.handle(new FindAggregateStateQuery("bid:" + bid, null));
        assertThat(view.aggregateType()).isEqualTo("Bid");
        assertThat(view.eventsApplied()).isEqualTo(1);
        assertThat(view.state()).containsEntry("status", "DRAFT");
    }

    @Test
    void aKindNotRegisteredIsFoundByTheAggregateTypeItsEventsCarry() {
        events.publish(new GenericDomainEventMessage<>("Pile", "pile-copy:P-9", 0, pileRegistered("P-9", "OP-1", PileType.AC),
                MetaData.emptyInstance(), "event-copy", T0));
        AggregateStateView view = replay.handle(new FindAggregateStateQuery("pile-copy:P-9", null));
        assertThat(view.aggregateType()).isEqualTo("Pile");
        assertThat(view.state()).containsEntry("type", "AC");
        assertThat(AggregateKinds.classOfType("DemandDeclaration")).isPresent();
    }

    @Test
    void anInstantBeforeTheFirstEventOrAnUnknownKindIsNotFoundWithAFix() {
        assertThatThrownBy(() -> replay.handle(new FindAggregateStateQuery(STREAM, T0.minusSeconds(1))))
                .isInstanceOfSatisfying(IccException.class, e -> {
                    assertThat(e.code()).isEqualTo("ICC-AUDIT-NO-EVENTS");
                    assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND);
                    assertThat(e.fix()).isNotBlank();
                });
        assertThatThrownBy(() -> replay.handle(new FindAggregateStateQuery("rocket:R-1", null)))
                .isInstanceOfSatisfying(IccException.class, e -> {
                    assertThat(e.code()).isEqualTo("ICC-AUDIT-STREAM-KIND");
                    assertThat(e.fix()).contains("pile");
                });
    }
}
