package org.evgrid.icc.infra.gateway;

import java.time.Instant;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.evgrid.icc.coreapi.dispatch.DispatchInstructionIssuedEvent;
import org.evgrid.icc.coreapi.dr.DrPerformanceReportedEvent;
import org.evgrid.icc.coreapi.market.BidSubmittedEvent;
import org.evgrid.icc.infra.gateway.internal.OutboxStore;
import org.springframework.stereotype.Component;

/**
 * Puts what must leave the center into the outbox ({@code gateway_outbox}): submitted bids, issued dispatch
 * instructions and demand response performance reports. The item id is the idempotent request id (bid: its request
 * id; instruction: {@code <instructionId>-v<version>}; report: {@code DRPERF-<DR event id>-<unit id>}) and the write
 * only inserts, so a re-delivered event changes nothing. {@link OutboxPoller} sends the items.
 */
@Component
@ProcessingGroup(GatewayOutboxHandler.PROCESSING_GROUP)
public class GatewayOutboxHandler {

    /** The tracking processor of this handler. */
    public static final String PROCESSING_GROUP = "gateway-outbox";

    private final OutboxStore outbox;

    public GatewayOutboxHandler(MongoDatabase database) {
        this.outbox = new OutboxStore(database);
    }

    @EventHandler
    void on(BidSubmittedEvent e, @Timestamp Instant at) {
        outbox.add(e.requestId(), OutboxStore.Kind.BID, e.bidId().value(), null, e, at);
    }

    @EventHandler
    void on(DispatchInstructionIssuedEvent e, @Timestamp Instant at) {
        outbox.add(instructionRequestId(e), OutboxStore.Kind.INSTRUCTION, e.instructionId().value(), e.operatorId().value(), e, at);
    }

    @EventHandler
    void on(DrPerformanceReportedEvent e, @Timestamp Instant at) {
        outbox.add("DRPERF-" + e.eventId().value() + "-" + e.unitId().value(), OutboxStore.Kind.DR_REPORT, e.eventId().value(), null,
                e, at);
    }

    /** The idempotent request id of an instruction version. */
    public static String instructionRequestId(DispatchInstructionIssuedEvent e) {
        return e.instructionId().value() + "-v" + e.version();
    }
}
