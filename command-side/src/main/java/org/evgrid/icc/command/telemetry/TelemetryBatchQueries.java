package org.evgrid.icc.command.telemetry;

import java.util.Set;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.coreapi.telemetry.FindTelemetryBatchQuery;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchReceivedEvent;
import org.evgrid.icc.coreapi.telemetry.TelemetryReceipt;
import org.springframework.stereotype.Component;

/**
 * Answers the receipt of a telemetry batch from its event stream. Operator platforms see their
 * own operator's batches; archive managers, dispatchers, regulators, auditors and traders see all; administrators none.
 */
@Component
public class TelemetryBatchQueries {

    private static final Set<Role> READERS = Set.of(Role.ARCHIVE_MANAGER, Role.DISPATCHER, Role.REGULATOR, Role.AUDITOR, Role.TRADER);

    private final EventStore events;

    public TelemetryBatchQueries(EventStore eventStore) {
        this.events = eventStore;
    }

    @QueryHandler
    public TelemetryReceipt handle(FindTelemetryBatchQuery query) {
        Viewer viewer = query.viewer();
        boolean all = viewer != null && viewer.roles().stream().anyMatch(READERS::contains);
        boolean platform = viewer != null && viewer.roles().contains(Role.OPERATOR_PLATFORM) && viewer.operatorId() != null;
        if (!all && !platform) {
            throw Refusal.forbidden("ICC-AUTH-ROLE", null, "您的角色无权查看运行数据批次", "Your role may not see telemetry batches",
                    "Use an account with a business role that may").exception();
        }
        // the batch's one event holds its receipt: read the stream, not the aggregate (a repository is for commands)
        TelemetryReceipt receipt = events.readEvents(StreamIds.of(query.batchId())).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(TelemetryBatchReceivedEvent.class::isInstance)
                .map(e -> TelemetryBatch.receiptOf((TelemetryBatchReceivedEvent) e, false))
                .findFirst()
                .orElseThrow(() -> unknown(query));
        if (!all && !viewer.operatorId().equals(receipt.operatorId())) {
            throw unknown(query);
        }
        return receipt;
    }

    private static IccException unknown(FindTelemetryBatchQuery query) {
        return Refusal.notFound("ICC-TEL-BATCH-UNKNOWN", "batchId", "批次 " + query.batchId() + " 不存在",
                "Batch " + query.batchId() + " does not exist", "Check the batch id").exception();
    }
}
