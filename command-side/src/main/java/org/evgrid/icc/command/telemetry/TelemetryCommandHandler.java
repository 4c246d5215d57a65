package org.evgrid.icc.command.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.bson.Document;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.telemetry.internal.BatchChecker;
import org.evgrid.icc.command.telemetry.internal.CheckedBatch;
import org.evgrid.icc.command.telemetry.internal.PileDirectory;
import org.evgrid.icc.command.telemetry.internal.ReadingsLayout;
import org.evgrid.icc.command.telemetry.internal.ReadingsSink;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.telemetry.ReportChargingOrdersCommand;
import org.evgrid.icc.coreapi.telemetry.ReportDailyEnergyCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPileStatusChangesCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPowerReadingsCommand;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchId;
import org.evgrid.icc.coreapi.telemetry.TelemetryBatchReceivedEvent;
import org.evgrid.icc.coreapi.telemetry.TelemetryReceipt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Ingests operator-platform telemetry batches: checks the batch and each item, writes the accepted items to
 * the readings store, then records exactly one {@link TelemetryBatchReceivedEvent}, and answers a
 * {@link TelemetryReceipt}.
 *
 * <p>Batch ids are the platform's idempotency keys: a batch id already recorded changes nothing and answers the
 * original receipt marked duplicate, whatever the content of the repeated batch (send corrections under a new id).
 * The batch aggregate is loaded or created under its lock before anything else, so two concurrent sends of one id
 * on this node are serialized: one records, the other answers the receipt. A batch id used by another operator is
 * refused.
 */
@Component
public class TelemetryCommandHandler {

    private final Repository<TelemetryBatch> batches;
    private final BatchChecker checker;
    private final ReadingsSink readings;
    private final Clock clock;

    @Autowired
    public TelemetryCommandHandler(Repository<TelemetryBatch> telemetryBatchRepository, PileDirectory directory, ReadingsSink readings,
                                   Clock clock, ObjectProvider<TelemetryLimits> limits) {
        this(telemetryBatchRepository, directory, readings, clock, limits.getIfAvailable(TelemetryLimits::defaults));
    }

    public TelemetryCommandHandler(Repository<TelemetryBatch> telemetryBatchRepository, PileDirectory directory, ReadingsSink readings,
                                   Clock clock, TelemetryLimits limits) {
        this.batches = telemetryBatchRepository;
        this.checker = new BatchChecker(directory, limits);
        this.readings = readings;
        this.clock = clock;
    }

    @CommandHandler
    public TelemetryReceipt handle(ReportPowerReadingsCommand command) throws Exception {
        return ingest(command.batchId(), command.operatorId(), now -> checker.power(command, now));
    }

    @CommandHandler
    public TelemetryReceipt handle(ReportDailyEnergyCommand command) throws Exception {
        return ingest(command.batchId(), command.operatorId(), now -> checker.energy(command, now));
    }

    @CommandHandler
    public TelemetryReceipt handle(ReportChargingOrdersCommand command) throws Exception {
        return ingest(command.batchId(), command.operatorId(), now -> checker.orders(command, now));
    }

    @CommandHandler
    public TelemetryReceipt handle(ReportPileStatusChangesCommand command) throws Exception {
        return ingest(command.batchId(), command.operatorId(), now -> checker.statusChanges(command, now));
    }

    private TelemetryReceipt ingest(TelemetryBatchId batchId, OperatorId operatorId, Function<Instant, CheckedBatch> check)
            throws Exception {
        Aggregate<TelemetryBatch> batch = batches.loadOrCreate(StreamIds.of(batchId), TelemetryBatch::new);
        if (batch.invoke(TelemetryBatch::recorded)) {
            TelemetryReceipt original = batch.invoke(b -> b.receipt(true));
            if (operatorId != null && !operatorId.equals(original.operatorId())) {
                throw refusedId(batchId).exception();
            }
            return original;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CheckedBatch checked = check.apply(now);
        String docId = ReadingsLayout.docId(operatorId.value(), checked.kind(), checked.periodStart(), checked.day(), batchId.value());
        Document doc = ReadingsLayout.document(docId, operatorId.value(), checked.kind(), batchId.value(), checked.documentPeriod(),
                checked.day(), now, checked.columns());
        String merkleRoot = ReadingsLayout.merkleRoot(doc);
        doc.put("merkleRoot", merkleRoot);
        readings.store(doc);
        TelemetryBatchReceivedEvent event = new TelemetryBatchReceivedEvent(batchId, operatorId, checked.kind(), checked.periodStart(),
                checked.day(), checked.submitted(), checked.accepted(), checked.rejected(), checked.totalKw(), checked.totalKwh(),
                checked.totalFeeYuan(), docId, merkleRoot, now);
        batch.execute(b -> b.record(event));
        return TelemetryBatch.receiptOf(event, false);
    }

    private static Refusal refusedId(TelemetryBatchId batchId) {
        return Refusal.conflict("ICC-TEL-BATCH-ID-TAKEN", "batchId",
                "批次号 " + batchId + " 已被其他运营商使用", "Batch id " + batchId + " is already used by another operator",
                "Send the batch under a new batch id (e.g. prefixed with your operator id)");
    }
}
